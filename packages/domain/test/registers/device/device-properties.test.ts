import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { DeviceState } from '../../../src/registers/device/state.ts'
import { local } from '../../support/fixtures.ts'
import { device, eventBuilder, foldDevices, setup } from './device-fold.ts'

const T0 = local('2026-03-02T09:06')

/** A pool touching every M rule and B-05, accepted and refused, some events at the same instant. */
function pool(): SliceEvent[] {
  const ev = eventBuilder()
  const scrap = {
    deviceId: 'pc9',
    disposal: 'scrap',
    diskRemoved: true,
    diskTo: 'bureau',
    diskReceipt: 'R-1',
  } as const
  return [
    ...setup(ev),
    // Four eyes (B-05): a leader never signs their own user's book; refused, keeps the ids below.
    ev('device.user_book_signed', { bookId: 'b3', user: 'leader1' }),
    ev(
      'device.registered',
      device({ deviceId: 'pc9', number: 'JSJ-9', responsible: 'staff-b' }),
      'officer1',
      T0,
    ),
    ev(
      'device.registered',
      device({ deviceId: 'pc8', number: 'JSJ-9', responsible: 'staff-b' }),
      'officer1',
      T0,
    ),
    ev(
      'device.registered',
      device({ deviceId: 'pc7', number: 'JSJ-7', responsible: 'staff-z' }),
      'officer1',
      T0,
    ),
    ev(
      'device.registered',
      device({
        deviceId: 'fx1',
        number: 'FY-1',
        kind: 'office_device',
        classified: false,
        level: null,
        responsible: '',
      }),
    ),
    ev(
      'device.registered',
      device({ deviceId: 'ph1', number: 'SJ-1', kind: 'phone', responsible: 'staff-a' }),
    ),
    ev(
      'device.registered',
      device({ deviceId: 'u9', number: 'JZ-9', kind: 'medium', classified: false, level: null }),
      'officer1',
      T0,
    ),
    ev('device.network_connected', { deviceId: 'pc1', network: 'internet' }, 'officer1', T0 + 60_000),
    ev('device.connection_reported', { deviceId: 'pc1', network: 'public' }, 'officer1', T0 + 60_000),
    ev('device.medium_used', { mediumId: 'u9', computerId: 'pc1' }, 'officer1', T0 + 60_000),
    ev('device.medium_used', { mediumId: 'u1', computerId: 'pc1' }, 'officer1', T0 + 60_000),
    ev('device.medium_use_reported', { mediumId: 'u9', computerId: 'pc1' }),
    ev('device.classified_file_stored', { deviceId: 'u9', level: 'secret' }),
    ev('device.reclassified', { deviceId: 'u9', classified: false, level: null }),
    ev('device.used', { deviceId: 'pc1', user: 'staff-b' }),
    ev('device.use_approved', { deviceId: 'pc1', user: 'staff-b', untilMs: T0 + 86_400_000 }),
    ev('device.used', { deviceId: 'pc1', user: 'staff-b', approvalId: 'd021' }),
    ev('device.repair_started', { deviceId: 'pc1', site: 'designated', repairer: 'X', diskRemoved: true }),
    ev('device.repair_approved', { deviceId: 'pc1' }),
    ev('device.repair_started', {
      deviceId: 'pc1',
      approvalId: 'd024',
      site: 'designated',
      repairer: 'X',
      diskRemoved: true,
    }),
    ev('device.repair_returned', { deviceId: 'pc1' }),
    ev('device.security_checked', { deviceId: 'pc1', passed: false }),
    ev('device.disposal_approved', { deviceId: 'pc9', disposal: 'scrap' }),
    ev('device.disposal_approved', { deviceId: 'pc9', disposal: 'scrap' }, 'chief1'),
    ev('device.disposed', { ...scrap, approvalId: 'd029', diskTo: 'sold' }),
    ev('device.disposed', { ...scrap, approvalId: 'd029' }),
    ev('device.config_changed', { deviceId: 'pc1', changeId: 'c1' }),
    ev('device.filed_with_bureau', { deviceId: 'pc1', subject: 'config', refId: 'c1', filingRef: 'F1' }),
    ev('device.check_recorded', { checkId: 'k1', item: 'software', deviceId: 'u1', passed: true }),
    ev('device.check_recorded', { checkId: 'k2', item: 'phones_excluded', deviceId: null, passed: false }),
    ev('device.anomaly_resolved', { anomalyId: 'd035', note: '已处理' }),
    ev('device.anomaly_resolved', { anomalyId: 'd035', note: '再次' }),
  ]
}

/** Every event id the state refers to. */
function idsInState(state: DeviceState): Set<string> {
  const ids = new Set<string>()
  for (const d of state.devices.values()) {
    ids.add(d.eventId)
    for (const c of d.connections) ids.add(c.eventId)
    for (const r of d.repairs) ids.add(r.eventId)
    if (d.disposal) ids.add(d.disposal.eventId)
  }
  for (const b of state.books.values()) ids.add(b.eventId)
  for (const id of state.approvals.keys()) ids.add(id)
  for (const a of state.approvals.values()) if (a.usedBy) ids.add(a.usedBy)
  for (const id of state.anomalies.keys()) ids.add(id)
  for (const f of state.filings.values()) ids.add(f.refId)
  for (const u of state.useLog) ids.add(u.eventId)
  for (const u of state.mediumUses) ids.add(u.eventId)
  for (const c of state.checks) ids.add(c.eventId)
  return ids
}

describe('device fold properties', () => {
  const events = pool()
  const reference = foldDevices(events)

  it('M-01 the pool exercises refusals of every blocking M rule and B-05', () => {
    const refused = new Set(reference.refused.map((r) => r.error.code))
    for (const code of [
      'M-01',
      'M-02',
      'M-03',
      'M-04',
      'M-05',
      'M-06',
      'M-07',
      'M-08',
      'M-09',
      'M-10',
      'B-05',
    ])
      expect(refused).toContain(code)
    expect(reference.state.anomalies.size).toBe(5)
  })

  it('M-01 any permutation folds to deeply equal state and refusals; no refused event id in state', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const fold = foldDevices(shuffled)
          expect(fold.state).toEqual(reference.state)
          expect(fold.refused).toEqual(reference.refused)
          const inState = idsInState(fold.state)
          for (const r of fold.refused) expect(inState.has(r.eventId)).toBe(false)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('M-01 refusals never change state: dropping the refused events gives the same state', () => {
    const refused = new Set(reference.refused.map((r) => r.eventId))
    const accepted = foldDevices(events.filter((e) => !refused.has(e.id)))
    expect(accepted.refused).toEqual([])
    expect(accepted.state).toEqual(reference.state)
  })
})
