import { describe, expect, it } from 'vitest'
import type { UnitPost } from '../../../src/core/unit-view.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { deviceYearFigures } from '../../../src/registers/device/queries.ts'
import { local } from '../../support/fixtures.ts'
import { codes, device, eventBuilder, foldDevices } from './device-fold.ts'

/** The device register's figures of the year's summary, across the local new year. */

describe('device register: year figures', () => {
  const ev = eventBuilder(local('2025-12-31T23:40'))
  const at = (iso: string) => local(iso)
  const newYear = at('2026-01-01T00:00')
  const events = [
    ev('device.user_book_signed', { bookId: 'b1', user: 'staff-a' }),
    ev('device.user_book_signed', { bookId: 'b2', user: 'staff-b' }),
    ev('device.registered', device()),
    ev(
      'device.registered',
      device({ deviceId: 'u1', number: 'JZ-1', kind: 'medium', level: 'confidential' }),
    ),
    ev('device.registered', device({ deviceId: 'pc9', number: 'JSJ-9', classified: false, level: null })),
    ev(
      'device.connection_reported',
      { deviceId: 'pc1', network: 'internet' },
      'officer1',
      at('2025-12-31T23:59'),
    ),
    ev(
      'device.registered',
      device({ deviceId: 'pc2', number: 'JSJ-2', responsible: 'staff-b' }),
      'officer1',
      newYear,
    ),
    ev(
      'device.registered',
      device({ deviceId: 'fx1', number: 'FY-1', kind: 'office_device', classified: false, level: null }),
      'officer1',
      at('2026-01-02T09:00'),
    ),
    ev('device.repair_approved', { deviceId: 'pc1' }, 'leader1', at('2026-01-02T09:01')),
    ev(
      'device.repair_started',
      { deviceId: 'pc1', approvalId: 'd009', site: 'designated', repairer: 'X', diskRemoved: true },
      'officer1',
      at('2026-01-02T09:02'),
    ),
    ev('device.repair_returned', { deviceId: 'pc1' }, 'officer1', at('2026-01-02T09:03')),
    ev('device.security_checked', { deviceId: 'pc1', passed: false }, 'officer1', at('2026-01-02T09:04')),
    ev(
      'device.check_recorded',
      { checkId: 'k1', item: 'software', deviceId: 'pc1', passed: true },
      'officer1',
      at('2026-01-02T09:05'),
    ),
    ev(
      'device.check_recorded',
      { checkId: 'k2', item: 'phones_excluded', deviceId: null, passed: false },
      'officer1',
      at('2026-01-02T09:06'),
    ),
    ev(
      'device.disposed',
      { deviceId: 'pc9', disposal: 'scrap', diskRemoved: true, diskTo: 'bureau' },
      'officer1',
      at('2026-01-02T09:07'),
    ),
    ev(
      'device.disposal_approved',
      { deviceId: 'pc2', disposal: 'replace' },
      'leader1',
      at('2026-01-02T09:08'),
    ),
    ev(
      'device.disposed',
      {
        deviceId: 'pc2',
        approvalId: 'd016',
        disposal: 'replace',
        diskRemoved: true,
        diskTo: 'kept_classified',
      },
      'officer1',
      at('2026-01-02T09:09'),
    ),
    ev('device.anomaly_resolved', { anomalyId: 'd006', note: '已断网' }, 'officer1', at('2026-01-02T09:10')),
    ev('device.user_book_signed', { bookId: 'b3', user: 'staff-b' }, 'chief1', at('2026-01-02T09:12')),
    ev(
      'device.check_recorded',
      { checkId: 'k3', item: 'software', deviceId: 'pc1', passed: true },
      'officer1',
      at('2026-01-02T09:13'),
    ),
  ]
  const fold = foldDevices(events)
  // By the year's end leader1, who signed staff-a's book, has left the post (organisation register).
  const postsOf = (u: string): UnitPost[] => (u === 'chief1' ? ['responsible_leader'] : [])

  it('M-01 B-05 M-04 M-05 M-06 the year counts what happened in it, by the local calendar', () => {
    expect(codes(fold)).toEqual([])
    expect(events[5]?.atMs).toBeLessThan(newYear)
    expect(deviceYearFigures(fold.state, 2026, DEFAULT_CALENDAR, postsOf)).toEqual({
      year: 2026,
      inUse: {
        computer: { classified: 1, nonClassified: 0 },
        medium: { classified: 1, nonClassified: 0 },
        office_device: { classified: 0, nonClassified: 1 },
        phone: { classified: 0, nonClassified: 0 },
        network: { classified: 0, nonClassified: 0 },
      },
      registered: 2,
      repairs: 1,
      replaced: 1,
      scrapped: 1,
      booksSigned: 1,
      bookGaps: 1,
      anomaliesOpened: 2,
      anomaliesOpen: 2,
      softwareChecks: 2,
      pendingFilings: 1,
    })
  })

  it('B-05, B-02: without the organisation posts a book counts while it exists', () => {
    expect(deviceYearFigures(fold.state, 2026, DEFAULT_CALENDAR)).toMatchObject({
      booksSigned: 2,
      bookGaps: 0,
    })
  })

  it('M-01 the year before counts its own registrations and anomalies only', () => {
    expect(deviceYearFigures(fold.state, 2025, DEFAULT_CALENDAR)).toMatchObject({
      year: 2025,
      registered: 3,
      repairs: 0,
      replaced: 0,
      scrapped: 0,
      anomaliesOpened: 1,
      anomaliesOpen: 2,
      softwareChecks: 0,
    })
  })
})
