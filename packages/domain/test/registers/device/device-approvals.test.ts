import { describe, expect, it } from 'vitest'
import { deviceSlice } from '../../../src/registers/device/slice.ts'
import { local } from '../../support/fixtures.ts'
import { codes, DEVICE_POSTS, deviceContext, eventBuilder, foldDevices, setup } from './device-fold.ts'

/**
 * Who approves in the device register (B-04: posts from the organisation register) and four eyes: the
 * approver never carries out what they approved, nor approves their own use or book.
 */

const scrap = {
  deviceId: 'pc1',
  disposal: 'scrap',
  diskRemoved: true,
  diskTo: 'bureau',
  diskReceipt: 'R-1',
} as const
const atSite = { deviceId: 'pc1', site: 'designated', repairer: '定点维修单位', diskRemoved: true } as const

describe('device register: approvals and four eyes', () => {
  it('rule M-05: whoever approved a scrap does not carry it out (four eyes)', () => {
    const ev = eventBuilder()
    // chief1 is main leader and also keeps the register (officer role): still one person.
    const fold = foldDevices([
      ...setup(ev),
      ev('device.disposal_approved', { deviceId: 'pc1', disposal: 'scrap' }, 'chief1'),
      ev('device.disposed', { ...scrap, approvalId: 'd006' }, 'chief1'),
      ev('device.disposed', { ...scrap, approvalId: 'd006' }, 'officer1'),
    ])
    expect(codes(fold)).toEqual(['M-05'])
    expect(fold.refused[0]?.eventId).toBe('d007')
    expect(fold.refused[0]?.error.details).toEqual({
      person: 'chief1',
      parts: ['approver', 'person disposing of it'],
    })
    expect(fold.state.devices.get('pc1')?.status).toBe('scrapped')
  })

  it('rule M-04: the approver does not send the device to repair; an on-site repairer does not supervise themself', () => {
    const ev = eventBuilder()
    const onSite = { ...atSite, site: 'on_site', repairer: '维修工程师' } as const
    const fold = foldDevices([
      ...setup(ev),
      ev('device.repair_approved', { deviceId: 'pc1' }, 'chief1'),
      ev('device.repair_started', { ...atSite, approvalId: 'd006' }, 'chief1'),
      ev('device.repair_started', { ...onSite, approvalId: 'd006', supervisor: '维修工程师' }),
      ev('device.repair_started', { ...onSite, approvalId: 'd006', supervisor: '王保密' }),
    ])
    expect(codes(fold)).toEqual(['M-04', 'M-04'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { person: 'chief1', parts: ['approver', 'person sending it to repair'] },
      { person: '维修工程师', parts: ['repairer', 'supervisor'] },
    ])
    expect(fold.state.devices.get('pc1')?.repairs[0]?.supervisor).toBe('王保密')
  })

  it('rules M-09, B-04: reuse is approved by the office head of the organisation register, who does not record it', () => {
    const ev = eventBuilder()
    const at = local('2026-03-02T10:00')
    const events = [
      ...setup(ev),
      ev('device.reuse_approved', { deviceId: 'pc1', purpose: '改作他用' }, 'chief1', at),
      ev('device.reuse_approved', { deviceId: 'pc1', purpose: '改作他用' }, 'chief1', at),
      ev('device.sanitized', { deviceId: 'pc1', by: '县保密技术服务中心' }, 'officer1', at + 1),
      ev('device.reused', { deviceId: 'pc1', approvalId: 'd007', responsible: 'staff-b' }, 'chief1', at + 2),
      ev(
        'device.reused',
        { deviceId: 'pc1', approvalId: 'd007', responsible: 'staff-b' },
        'officer1',
        at + 3,
      ),
    ]
    // With the fixtures' posts chief1 is main leader, not office head: both approvals refused.
    const notHead = foldDevices(events)
    expect(codes(notHead)).toEqual(['M-09', 'M-09', 'M-09', 'M-09'])
    expect(notHead.refused[0]?.error.message.zh).toContain('办公室主任')
    // As office head chief1 approves, but cannot also record the reuse.
    const head = foldDevices(events, deviceSlice, deviceContext({ ...DEVICE_POSTS, chief1: ['office_head'] }))
    expect(codes(head)).toEqual(['M-09'])
    expect(head.refused[0]?.error.details).toMatchObject({ person: 'chief1' })
    expect(head.state.devices.get('pc1')?.responsible).toBe('staff-b')
  })

  it('rules M-10, B-04: another user is approved by the office head, never the head for themself', () => {
    const ev = eventBuilder()
    const until = local('2026-03-03T17:00')
    const fold = foldDevices([
      ...setup(ev),
      ev('device.use_approved', { deviceId: 'pc1', user: 'staff-b', untilMs: until }, 'chief1'),
      ev('device.use_approved', { deviceId: 'pc1', user: 'leader1', untilMs: until }),
      ev('device.use_approved', { deviceId: 'pc1', user: 'staff-b', untilMs: until }),
      ev('device.used', { deviceId: 'pc1', user: 'staff-b', approvalId: 'd008' }),
    ])
    expect(codes(fold)).toEqual(['M-10', 'M-10'])
    expect(fold.refused[0]?.error.details).toMatchObject({ approver: 'chief1', posts: ['office_head'] })
    expect(fold.refused[1]?.error.details).toMatchObject({ person: 'leader1', parts: ['approver', 'user'] })
    expect(fold.state.useLog.map((u) => u.user)).toEqual(['staff-b'])
  })
})
