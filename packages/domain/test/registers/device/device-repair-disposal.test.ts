import { describe, expect, it } from 'vitest'
import { pendingBureauFilings, securityChecksPending } from '../../../src/registers/device/queries.ts'
import {
  codes,
  eventBuilder,
  foldAcrossPostChange,
  foldDevices,
  judgeAfter,
  plainPc,
  setup,
} from './device-fold.ts'

/** Refusal branches and records of repair (M-04) and of replacement and scrap (M-05). */

const atSite = { deviceId: 'pc1', site: 'designated', repairer: '定点维修单位', diskRemoved: true } as const

describe('device register: repair (M-04)', () => {
  it('M-01 M-04 a repair is approved for a registered device in use; the approval is recorded', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.repair_approved', { deviceId: 'pc7' }),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', { ...atSite, approvalId: 'd007' }),
      ev('device.repair_approved', { deviceId: 'pc1' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-01', 'M-04'])
    expect([...fold.state.approvals.values()]).toEqual([
      {
        id: 'd007',
        kind: 'repair',
        deviceId: 'pc1',
        by: 'leader1',
        at: events[6]?.atMs,
        user: null,
        untilMs: null,
        usedBy: 'd008',
      },
    ])
  })

  it('M-04 the approval must be an unused repair approval of this device', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'replace' }),
      ev('device.repair_approved', { deviceId: 'u1' }),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', { ...atSite, approvalId: 'd006' }),
      ev('device.repair_started', { ...atSite, approvalId: 'd007' }),
      ev('device.repair_started', { ...atSite, approvalId: 'd008' }),
      ev('device.repair_returned', { deviceId: 'pc1' }),
      ev('device.security_checked', { deviceId: 'pc1', passed: true }),
      ev('device.repair_started', { ...atSite, approvalId: 'd008' }),
      ev('device.repair_started', { ...atSite, deviceId: 'pc7', approvalId: 'd008' }),
    ])
    expect(codes(fold)).toEqual(['M-04', 'M-04', 'M-04', 'M-01'])
    expect(fold.refused.map((r) => r.eventId)).toEqual(['d009', 'd010', 'd014', 'd015'])
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc1' })
    expect(fold.state.devices.get('pc1')?.repairs.map((r) => r.eventId)).toEqual(['d011'])
    expect(fold.state.approvals.get('d006')?.usedBy).toBeNull()
  })

  it('M-04 a non-classified computer is repaired without conditions, is back in use on return and files nothing', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.repair_approved', { deviceId: 'pc9' }),
      ev('device.repair_started', { ...atSite, deviceId: 'pc9', approvalId: 'd007', diskRemoved: false }),
      ev('device.repair_started', { ...atSite, deviceId: 'pc9', site: 'on_site', diskRemoved: false }),
      ev('device.repair_returned', { deviceId: 'pc9' }),
      ev('device.used', { deviceId: 'pc9', user: 'staff-b' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-04'])
    expect(fold.refused[0]?.error.message.en).toContain('is under repair')
    expect(fold.state.devices.get('pc9')?.status).toBe('in_use')
    expect(fold.state.approvals.get('d007')?.usedBy).toBeNull()
    expect(securityChecksPending(fold.state)).toEqual([])
    expect(pendingBureauFilings(fold.state)).toEqual([])
    expect(fold.state.useLog).toHaveLength(1)
  })

  it('M-04 every repair is recorded; return and check complete the latest one only', () => {
    const ev = eventBuilder()
    const events = [...setup(ev)]
    for (let i = 0; i < 3; i += 1) {
      const approval = ev('device.repair_approved', { deviceId: 'pc1' })
      events.push(
        approval,
        ev('device.repair_started', {
          ...atSite,
          approvalId: approval.id,
          site: 'on_site',
          supervisor: 'officer1',
        }),
        ev('device.repair_returned', { deviceId: 'pc1' }),
        ev('device.security_checked', { deviceId: 'pc1', passed: i !== 2 }),
      )
    }
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual([])
    const at = (i: number) => events[i]?.atMs
    const repair = (i: number, passed: boolean) => ({
      eventId: events[i]?.id,
      approvalId: events[i - 1]?.id,
      site: 'on_site',
      repairer: '定点维修单位',
      supervisor: 'officer1',
      diskRemoved: true,
      startedAt: at(i),
      returnedAt: at(i + 1),
      checkedAt: at(i + 2),
      passed,
    })
    expect(fold.state.devices.get('pc1')?.repairs).toEqual([
      repair(6, true),
      repair(10, true),
      repair(14, false),
    ])
    expect(fold.state.devices.get('pc1')?.status).toBe('awaiting_check')
  })

  it('M-04 a designated-site repair records no supervisor; only a device under repair returns', () => {
    const ev = eventBuilder()
    const history = [
      ...setup(ev),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', { ...atSite, approvalId: 'd006' }),
    ]
    const fold = foldDevices([
      ...history,
      ev('device.repair_returned', { deviceId: 'pc7' }),
      ev('device.security_checked', { deviceId: 'pc7', passed: true }),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-01'])
    expect(fold.state.devices.get('pc1')?.repairs[0]).toMatchObject({ supervisor: null, approvalId: 'd006' })
    expect(pendingBureauFilings(fold.state)).toEqual([])
    const notInRepair = judgeAfter(setup(eventBuilder()), ev('device.repair_returned', { deviceId: 'pc1' }))
    expect(notInRepair.error?.code).toBe('M-04')
    expect(notInRepair.state.devices.get('pc1')?.repairs).toEqual([])
  })
})

describe('device register: replacement and scrap (M-05)', () => {
  it('M-05, B-04: a scrap refused for want of the main leader names the approver and the posts they hold', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'scrap' }),
      ev('device.disposal_approved', { deviceId: 'pc7', disposal: 'replace' }),
    ])
    expect(codes(fold)).toEqual(['M-05', 'M-01'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { approver: 'leader1', posts: ['first_responsible'], held: ['responsible_leader', 'office_head'] },
      { deviceId: 'pc7' },
    ])
    expect(fold.refused[0]?.error.message.zh).toContain('主要领导')
    expect(fold.state.approvals.size).toBe(0)
    // Who is main leader is the organisation register's say at the event's time, not a designation here.
    const later = foldAcrossPostChange(setup(eventBuilder()), { leader1: ['first_responsible'] }, [
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'scrap' }),
      ev('device.disposal_approved', { deviceId: 'u1', disposal: 'scrap' }, 'chief1'),
    ])
    expect(later.refused.map((e) => e.code)).toEqual(['M-05'])
    expect(later.refused[0]?.details).toMatchObject({ approver: 'chief1', held: [] })
    expect([...later.state.approvals.values()].map((a) => a.by)).toEqual(['leader1'])
  })

  it('M-05 the approval matches the disposal and the device; the refusal says which approval is missing', () => {
    const ev = eventBuilder()
    const scrap = {
      deviceId: 'pc1',
      disposal: 'scrap',
      diskRemoved: true,
      diskTo: 'bureau',
      diskReceipt: 'R',
    } as const
    const fold = foldDevices([
      ...setup(ev),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'replace' }),
      ev('device.disposal_approved', { deviceId: 'u1', disposal: 'replace' }),
      ev('device.disposed', { ...scrap, approvalId: 'd006' }),
      ev('device.disposed', { ...scrap, disposal: 'replace', approvalId: 'd007' }),
      ev('device.disposed', { ...scrap, deviceId: 'pc7', approvalId: 'd006' }),
    ])
    expect(codes(fold)).toEqual(['M-05', 'M-05', 'M-01'])
    const [asScrap, otherDevice] = fold.refused.map((r) => r.error)
    expect(asScrap?.message.en).toBe("Scrapping JSJ-001 needs the main leader's approval (rule M-05)")
    expect(otherDevice?.message.en).toBe("Replacing JSJ-001 needs a leader's approval (rule M-05)")
    expect(asScrap?.message.zh).toBe('涉密设备 JSJ-001 报废须经主要领导批准（规则 M-05）')
    expect(otherDevice?.message.zh).toBe('涉密设备 JSJ-001 更换须经领导批准（规则 M-05）')
    expect(fold.state.devices.get('pc1')?.status).toBe('in_use')
  })

  it('M-05 a replaced disk sent to the bureau needs its receipt; the disposal and its filing are recorded', () => {
    const ev = eventBuilder()
    const replace = { deviceId: 'pc1', approvalId: 'd006', disposal: 'replace', diskRemoved: true } as const
    const events = [
      ...setup(ev),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'replace' }),
      ev('device.disposed', { ...replace, diskTo: 'bureau' }),
      ev('device.disposed', { ...replace, diskTo: 'bureau', diskReceipt: 'R-2' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-05'])
    const at = events[7]?.atMs ?? 0
    expect(fold.state.devices.get('pc1')).toMatchObject({
      status: 'replaced',
      disposal: {
        eventId: 'd008',
        kind: 'replace',
        approvalId: 'd006',
        diskTo: 'bureau',
        diskReceipt: 'R-2',
        at,
      },
    })
    expect(pendingBureauFilings(fold.state)).toEqual([
      {
        key: 'disposal:d008',
        deviceId: 'pc1',
        subject: 'disposal',
        refId: 'd008',
        since: at,
        filedAt: null,
        filingRef: null,
      },
    ])
  })

  it('M-05 a non-classified device is never sold, otherwise disposed without conditions and without filing', () => {
    const ev = eventBuilder()
    const sell = { deviceId: 'pc9', disposal: 'scrap', diskRemoved: false, diskTo: 'sold' } as const
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.disposal_approved', { deviceId: 'pc9', disposal: 'replace' }),
      ev('device.disposed', { ...sell, approvalId: 'd007' }),
      ev('device.disposed', { ...sell, approvalId: 'd007', diskTo: 'unclassified_use' }),
      ev('device.disposed', { ...sell, deviceId: 'pc7' }),
    ])
    expect(codes(fold)).toEqual(['M-05', 'M-01'])
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc9' })
    expect(fold.state.devices.get('pc9')).toMatchObject({
      status: 'scrapped',
      disposal: {
        eventId: 'd009',
        kind: 'scrap',
        approvalId: 'd007',
        diskTo: 'kept_classified',
        diskReceipt: null,
      },
    })
    expect(fold.state.approvals.get('d007')?.usedBy).toBeNull()
    expect(pendingBureauFilings(fold.state)).toEqual([])
  })
})
