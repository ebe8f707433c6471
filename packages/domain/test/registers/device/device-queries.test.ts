import { describe, expect, it } from 'vitest'
import type { UnitPost } from '../../../src/core/unit-view.ts'
import { DEFAULT_DEVICE_POLICY } from '../../../src/registers/device/policy.ts'
import {
  openDeviceAnomalies,
  overdueSoftwareChecks,
  pendingBureauFilings,
  securityChecksPending,
  softwareChecksDueSoon,
  userBooksToSign,
} from '../../../src/registers/device/queries.ts'
import { deviceSlice } from '../../../src/registers/device/slice.ts'
import { local } from '../../support/fixtures.ts'
import { sliceEvent } from '../../support/slice-fold.ts'
import { codes, device, eventBuilder, foldDevices, foldInOrder, setup } from './device-fold.ts'

/** Reminder queries of the device register: what they leave out, their boundaries and their order. */

const DAY = 86_400_000
const atSite = { site: 'designated', repairer: 'X', diskRemoved: true } as const

describe('device register: books to sign (B-05)', () => {
  it('B-05, B-02: gaps list users by time then name, their devices sorted; retired and office devices left out', () => {
    const ev = eventBuilder()
    const T = local('2026-03-02T09:30')
    const events = [
      ev('device.user_book_signed', { bookId: 'b1', user: 'staff-a' }),
      ev('device.user_book_signed', { bookId: 'b2', user: 'staff-b' }),
      ev('device.user_book_signed', { bookId: 'b3', user: 'staff-c' }),
      ev(
        'device.registered',
        device({ deviceId: 'u5', number: 'JZ-5', kind: 'medium', responsible: 'staff-b' }),
        'officer1',
        T,
      ),
      ev(
        'device.registered',
        device({ deviceId: 'pc5', number: 'JSJ-5', responsible: 'staff-b' }),
        'officer1',
        T,
      ),
      ev(
        'device.registered',
        device({ deviceId: 'pc1', number: 'JSJ-1', responsible: 'staff-a' }),
        'officer1',
        T,
      ),
      ev(
        'device.registered',
        device({ deviceId: 'pc6', number: 'JSJ-6', classified: false, level: null, responsible: 'staff-c' }),
      ),
      ev('device.disposed', {
        deviceId: 'pc6',
        disposal: 'replace',
        diskRemoved: true,
        diskTo: 'kept_classified',
      }),
      ev(
        'device.registered',
        device({ deviceId: 'fx1', number: 'FY-1', kind: 'office_device', classified: false, level: null }),
      ),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual([])
    expect(userBooksToSign(fold.state)).toEqual([])
    // leader1, who signed the books, has left the post; chief1 is the 分管领导 now (organisation register).
    const postsOf = (u: string): UnitPost[] => (u === 'chief1' ? ['responsible_leader'] : [])
    expect(userBooksToSign(fold.state, postsOf)).toEqual([
      { user: 'staff-a', deviceIds: ['pc1'], since: T },
      { user: 'staff-b', deviceIds: ['pc5', 'u5'], since: T },
    ])
    const resigned = foldDevices([
      ...events,
      ev('device.user_book_signed', { bookId: 'b4', user: 'staff-a' }, 'chief1'),
    ])
    expect(userBooksToSign(resigned.state, postsOf).map((g) => g.user)).toEqual(['staff-b'])
  })
})

describe('device register: security checks pending (M-04)', () => {
  it('M-04 devices back from repair are listed by return time, then id', () => {
    const ev = eventBuilder()
    const t = local('2026-03-02T11:00')
    const repair = (deviceId: string, returnAt: number) => {
      const approval = ev('device.repair_approved', { deviceId })
      return [
        approval,
        ev('device.repair_started', { ...atSite, deviceId, approvalId: approval.id }),
        ev('device.repair_returned', { deviceId }, 'officer1', returnAt),
      ]
    }
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-2' })),
      ev('device.registered', device({ deviceId: 'pc0', number: 'JSJ-0' })),
      ...repair('pc1', t),
      ...repair('pc2', t - 1),
      ...repair('pc0', t),
    ])
    expect(codes(fold)).toEqual([])
    expect(securityChecksPending(fold.state)).toEqual([
      { deviceId: 'pc2', since: t - 1 },
      { deviceId: 'pc0', since: t },
      { deviceId: 'pc1', since: t },
    ])
  })
})

describe('device register: software checks (M-06)', () => {
  const ev = eventBuilder()
  const t0 = local('2026-03-02T09:03')
  const later = local('2026-03-02T10:00')
  const events = [
    ...setup(ev),
    ev(
      'device.registered',
      device({ deviceId: 'pc0', number: 'JSJ-0', responsible: 'staff-b' }),
      'officer1',
      t0,
    ),
    ev('device.registered', device({ deviceId: 'pc7', number: 'JSJ-7' }), 'officer1', later),
    ev('device.registered', device({ deviceId: 'pc9', number: 'JSJ-9', classified: false, level: null })),
    ev('device.registered', device({ deviceId: 'pc6', number: 'JSJ-6' })),
    ev('device.disposal_approved', { deviceId: 'pc6', disposal: 'replace' }),
    ev('device.disposed', {
      deviceId: 'pc6',
      approvalId: 'd010',
      disposal: 'replace',
      diskRemoved: true,
      diskTo: 'kept_classified',
    }),
  ]
  const fold = foldDevices(events)

  it('M-06 never-checked classified computers fall due from registration; ties by id; others left out', () => {
    expect(codes(fold)).toEqual([])
    expect(events[2]?.atMs).toBe(t0)
    const due = t0 + 90 * DAY
    expect(softwareChecksDueSoon(fold.state, t0, 365 * DAY)).toEqual([
      { deviceId: 'pc0', dueAt: due, lastCheckAt: null },
      { deviceId: 'pc1', dueAt: due, lastCheckAt: null },
      { deviceId: 'pc7', dueAt: later + 90 * DAY, lastCheckAt: null },
    ])
  })

  it('M-06 a check moves the due date; the list follows due dates, not registration order', () => {
    const checkAt = local('2026-03-02T11:00')
    const checked = foldDevices([
      ...events,
      ev(
        'device.check_recorded',
        { checkId: 'k1', item: 'software', deviceId: 'pc1', passed: true },
        'officer1',
        checkAt,
      ),
    ])
    expect(
      overdueSoftwareChecks(checked.state, checkAt + 100 * DAY).map((c) => [c.deviceId, c.lastCheckAt]),
    ).toEqual([
      ['pc0', null],
      ['pc7', null],
      ['pc1', checkAt],
    ])
  })

  it('M-06 due soon includes a check due exactly now and one due at the end of the window, not one just past', () => {
    const due = t0 + 90 * DAY
    expect(softwareChecksDueSoon(fold.state, due, 0).map((c) => c.deviceId)).toEqual(['pc0', 'pc1'])
    expect(softwareChecksDueSoon(fold.state, due + 1, 1).map((c) => c.deviceId)).toEqual([])
    expect(overdueSoftwareChecks(fold.state, due + 1).map((c) => c.deviceId)).toEqual(['pc0', 'pc1'])
  })

  it('M-06 the interval comes from the policy', () => {
    const policy = { ...DEFAULT_DEVICE_POLICY, softwareCheckIntervalDays: 30 }
    const due = t0 + 30 * DAY
    expect(overdueSoftwareChecks(fold.state, due, policy)).toEqual([])
    expect(overdueSoftwareChecks(fold.state, due + 1, policy).map((c) => c.dueAt)).toEqual([due, due])
    expect(softwareChecksDueSoon(fold.state, due - DAY, DAY, policy).map((c) => c.deviceId)).toEqual([
      'pc0',
      'pc1',
    ])
  })
})

describe('device register: filings and anomalies in order', () => {
  it('M-11 pending filings come oldest first, ties by key', () => {
    const ev = eventBuilder()
    const t = local('2026-03-02T11:00')
    const fold = foldDevices([
      ...setup(ev),
      ev('device.config_changed', { deviceId: 'pc1', changeId: 'c2' }, 'officer1', t),
      ev('device.config_changed', { deviceId: 'pc1', changeId: 'c1' }, 'officer1', t),
      ev('device.config_changed', { deviceId: 'pc1', changeId: 'c3' }, 'officer1', t - 1),
    ])
    expect(pendingBureauFilings(fold.state).map((f) => [f.key, f.since])).toEqual([
      ['config:c3', t - 1],
      ['config:c1', t],
      ['config:c2', t],
    ])
  })

  it('M-06 open anomalies come oldest first, ties by id, whatever the log order; resolved ones left out', () => {
    const ev = eventBuilder()
    const t = local('2026-03-02T11:00')
    const failed = (id: string, checkId: string, at: number) =>
      sliceEvent(
        id,
        'device.check_recorded',
        { checkId, item: 'phones_excluded', deviceId: null, passed: false },
        at,
      )
    const work = foldInOrder([
      ...setup(ev),
      failed('x9', 'k1', t - 1),
      failed('x5', 'k2', t),
      failed('x3', 'k3', t),
      failed('x4', 'k4', t),
      sliceEvent('x8', 'device.anomaly_resolved', { anomalyId: 'x4', note: '已处理' }, t + 1),
    ])
    const state = deviceSlice.view(work)
    expect(openDeviceAnomalies(state).map((a) => [a.id, a.openedAt])).toEqual([
      ['x9', t - 1],
      ['x3', t],
      ['x5', t],
    ])
  })
})
