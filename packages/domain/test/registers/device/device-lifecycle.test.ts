import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DEFAULT_DEVICE_POLICY } from '../../../src/registers/device/policy.ts'
import {
  deviceYearFigures,
  openDeviceAnomalies,
  overdueSoftwareChecks,
  pendingBureauFilings,
  securityChecksPending,
  softwareChecksDueSoon,
} from '../../../src/registers/device/queries.ts'
import { createDeviceSlice } from '../../../src/registers/device/slice.ts'
import { codes, device, eventBuilder, foldDevices, setup } from './device-fold.ts'

const DAY = 86_400_000
const atSite = { deviceId: 'pc1', site: 'designated', repairer: '定点维修单位', diskRemoved: true } as const

describe('device register: repair, disposal, configuration and checks', () => {
  it('M-04 refuses a repair without approval, a designated-site repair with the disk in, on site without supervisor', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.repair_started', atSite),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', { ...atSite, approvalId: 'd007', diskRemoved: false }),
      ev('device.repair_started', { ...atSite, approvalId: 'd007', site: 'on_site', diskRemoved: false }),
      ev('device.repair_started', {
        ...atSite,
        approvalId: 'd007',
        site: 'on_site',
        supervisor: 'officer1',
        diskRemoved: false,
      }),
    ])
    expect(codes(fold)).toEqual(['M-04', 'M-04', 'M-04'])
    expect(fold.state.devices.get('pc1')?.status).toBe('in_repair')
  })

  it('M-04 policy can require the disk out on site as well', () => {
    const ev = eventBuilder()
    const slice = createDeviceSlice({ ...DEFAULT_DEVICE_POLICY, diskRemovedForOnSiteRepair: true })
    const fold = foldDevices(
      [
        ...setup(ev),
        ev('device.repair_approved', { deviceId: 'pc1' }),
        ev('device.repair_started', {
          ...atSite,
          approvalId: 'd006',
          site: 'on_site',
          supervisor: 'officer1',
          diskRemoved: false,
        }),
      ],
      slice,
    )
    expect(codes(fold)).toEqual(['M-04'])
  })

  it('M-04 a repaired classified device is out of use until a security check passes; a failed check is an anomaly', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', { ...atSite, approvalId: 'd006' }),
      ev('device.used', { deviceId: 'pc1', user: 'staff-a' }),
      ev('device.repair_returned', { deviceId: 'pc1' }),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc1' }),
      ev('device.security_checked', { deviceId: 'pc1', passed: false }),
    ]
    const failed = foldDevices(events)
    expect(codes(failed)).toEqual(['M-04', 'M-04'])
    expect(securityChecksPending(failed.state)).toEqual([{ deviceId: 'pc1', since: events[8]?.atMs }])
    const [a] = openDeviceAnomalies(failed.state)
    expect(a?.kind).toBe('security_check_failed')
    const passed = foldDevices([
      ...events,
      ev('device.security_checked', { deviceId: 'pc1', passed: true }),
      ev('device.anomaly_resolved', { anomalyId: a?.id ?? '', note: '重新检测合格' }),
      ev('device.used', { deviceId: 'pc1', user: 'staff-a' }),
      ev('device.security_checked', { deviceId: 'pc1', passed: true }),
    ])
    expect(codes(passed)).toEqual(['M-04', 'M-04', 'M-04'])
    expect(securityChecksPending(passed.state)).toEqual([])
    expect(openDeviceAnomalies(passed.state)).toEqual([])
    expect(passed.state.useLog).toHaveLength(1)
  })

  it('M-05, B-04: scrap needs the main leader of the organisation register; the disk removed and sent to the bureau with a receipt; never sold', () => {
    const ev = eventBuilder()
    const noReceipt = { deviceId: 'pc1', disposal: 'scrap', diskRemoved: true, diskTo: 'bureau' } as const
    const scrap = { ...noReceipt, diskReceipt: 'R-1' } as const
    const fold = foldDevices([
      ...setup(ev),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'scrap' }),
      ev('device.disposal_approved', { deviceId: 'u1', disposal: 'scrap' }),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'scrap' }),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'scrap' }, 'chief1'),
      ev('device.disposed', { ...scrap, approvalId: 'd009', diskTo: 'sold' }),
      ev('device.disposed', { ...scrap, approvalId: 'd009', diskRemoved: false }),
      ev('device.disposed', { ...scrap, approvalId: 'd009', diskTo: 'kept_classified' }),
      ev('device.disposed', { ...noReceipt, approvalId: 'd009' }),
      ev('device.disposed', { ...scrap, approvalId: 'd005' }),
      ev('device.disposed', { ...scrap, approvalId: 'd009' }),
      ev('device.used', { deviceId: 'pc1', user: 'staff-a' }),
    ])
    // leader1 is the 分管领导, not the main leader: three scrap approvals refused.
    expect(codes(fold)).toEqual([
      'M-05',
      'M-05',
      'M-05',
      'M-05',
      'M-05',
      'M-05',
      'M-05',
      'M-05',
      'DEVICE-RETIRED',
    ])
    expect(fold.state.devices.get('pc1')?.status).toBe('scrapped')
    expect(pendingBureauFilings(fold.state).map((f) => [f.subject, f.refId])).toEqual([['disposal', 'd015']])
  })

  it('M-05 replacement needs any leader; the removed disk is kept as classified, never put to non-classified use; filed', () => {
    const ev = eventBuilder()
    const replace = {
      deviceId: 'pc1',
      disposal: 'replace',
      diskRemoved: true,
      diskTo: 'kept_classified',
    } as const
    const events = [
      ...setup(ev),
      ev('device.disposed', replace),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'replace' }),
      ev('device.disposed', { ...replace, approvalId: 'd007', diskTo: 'unclassified_use' }),
      ev('device.disposed', { ...replace, approvalId: 'd007' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-05', 'M-05'])
    expect(fold.state.devices.get('pc1')?.disposal?.diskTo).toBe('kept_classified')
    const filed = foldDevices([
      ...events,
      ev('device.filed_with_bureau', {
        deviceId: 'pc1',
        subject: 'disposal',
        refId: 'd009',
        filingRef: '备〔2026〕5号',
      }),
      ev('device.filed_with_bureau', {
        deviceId: 'pc1',
        subject: 'disposal',
        refId: 'd009',
        filingRef: 'again',
      }),
    ])
    expect(codes(filed)).toEqual(['M-05', 'M-05', 'DEVICE-NOTHING-TO-FILE'])
    expect(pendingBureauFilings(filed.state)).toEqual([])
  })

  it('M-06 the software check is recorded on classified computers; overdue after the interval; a failure is an anomaly', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.check_recorded', { checkId: 'k1', item: 'software', deviceId: 'u1', passed: true }),
      ev('device.check_recorded', { checkId: 'k2', item: 'software', deviceId: null, passed: true }),
      ev('device.check_recorded', { checkId: 'k3', item: 'software', deviceId: 'pc1', passed: false }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-06', 'M-06'])
    const checkedAt = events[7]?.atMs ?? 0
    expect(fold.state.devices.get('pc1')?.lastSoftwareCheckAt).toBe(checkedAt)
    const due = checkedAt + 90 * DAY
    expect(overdueSoftwareChecks(fold.state, due)).toEqual([])
    expect(overdueSoftwareChecks(fold.state, due + 1)).toEqual([
      { deviceId: 'pc1', dueAt: due, lastCheckAt: checkedAt },
    ])
    expect(softwareChecksDueSoon(fold.state, due - 7 * DAY, 7 * DAY).map((c) => c.deviceId)).toEqual(['pc1'])
    expect(softwareChecksDueSoon(fold.state, due - 8 * DAY, 7 * DAY)).toEqual([])
    const [a] = openDeviceAnomalies(fold.state)
    expect(a?.kind).toBe('software_check_failed')
    const resolved = foldDevices([
      ...events,
      ev('device.anomaly_resolved', { anomalyId: a?.id ?? '', note: '已卸载' }),
    ])
    expect(openDeviceAnomalies(resolved.state)).toEqual([])
  })

  it('M-08 a failed phones check (phone in a classified meeting) is an anomaly with a resolution path', () => {
    const ev = eventBuilder()
    const events = [
      ev('device.check_recorded', { checkId: 'p1', item: 'phones_excluded', deviceId: 'ph1', passed: true }),
      ev('device.check_recorded', { checkId: 'p2', item: 'phones_excluded', deviceId: null, passed: false }),
      ev('device.check_recorded', { checkId: 'p2', item: 'phones_excluded', deviceId: null, passed: true }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-08', 'DEVICE-EXISTS'])
    expect(openDeviceAnomalies(fold.state).map((a) => a.kind)).toEqual(['phones_check_failed'])
    const resolved = foldDevices([
      ...events,
      ev('device.anomaly_resolved', { anomalyId: 'd002', note: '已批评教育' }),
    ])
    expect(openDeviceAnomalies(resolved.state)).toEqual([])
  })

  it("M-11 configuration changes are recorded and filed; a classified network's change needs the bureau's prior consent", () => {
    const ev = eventBuilder()
    const net = device({ deviceId: 'n1', number: 'WL-001', kind: 'network', responsible: 'staff-a' })
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', net),
      ev('device.config_changed', { deviceId: 'pc1', changeId: 'c1' }),
      ev('device.config_changed', { deviceId: 'pc1', changeId: 'c1' }),
      ev('device.config_changed', { deviceId: 'n1', changeId: 'c2' }),
      ev('device.config_changed', {
        deviceId: 'n1',
        changeId: 'c3',
        bureauConsentRef: '市保密局同意〔2026〕1号',
      }),
      ev('device.filed_with_bureau', { deviceId: 'pc1', subject: 'config', refId: 'c1', filingRef: '备1' }),
      ev('device.repair_approved', { deviceId: 'n1' }),
      ev('device.repair_started', { ...atSite, deviceId: 'n1', approvalId: 'd012' }),
    ])
    expect(codes(fold)).toEqual(['DEVICE-EXISTS', 'M-11'])
    expect(pendingBureauFilings(fold.state).map((f) => f.key)).toEqual(['config:c3', 'repair:d013'])
  })

  it('M-01 year figures count devices by kind and class, books, repairs, disposals and anomalies', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc9', number: 'JSJ-9', classified: false, level: null })),
      ev('device.connection_reported', { deviceId: 'pc1', network: 'internet' }),
      ev('device.disposal_approved', { deviceId: 'pc9', disposal: 'replace' }),
      ev('device.disposed', {
        deviceId: 'pc9',
        disposal: 'replace',
        diskRemoved: true,
        diskTo: 'kept_classified',
      }),
    ])
    expect(codes(fold)).toEqual([])
    const figures = deviceYearFigures(fold.state, 2026, DEFAULT_CALENDAR)
    expect(figures).toMatchObject({
      registered: 3,
      replaced: 1,
      scrapped: 0,
      booksSigned: 2,
      bookGaps: 0,
      anomaliesOpened: 1,
      anomaliesOpen: 1,
      pendingFilings: 0,
    })
    expect(figures.inUse.computer).toEqual({ classified: 1, nonClassified: 0 })
    expect(figures.inUse.medium).toEqual({ classified: 1, nonClassified: 0 })
    expect(deviceYearFigures(fold.state, 2025, DEFAULT_CALENDAR).registered).toBe(0)
  })
})
