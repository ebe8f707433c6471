import { describe, expect, it } from 'vitest'
import { local } from '../../support/fixtures.ts'
import { codes, device, eventBuilder, foldDevices, plainPc, setup } from './device-fold.ts'

/** Refusal branches and records of reuse (M-09) and of use by others than the assigned user (M-10). */

describe('device register: reuse of classified devices (M-09)', () => {
  it('M-01 M-09 approval and sanitization need a registered, once-classified device', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.reuse_approved', { deviceId: 'pc7', purpose: '改作他用' }),
      ev('device.sanitized', { deviceId: 'pc9', by: '县保密技术服务中心' }),
      ev('device.reused', { deviceId: 'pc7', approvalId: 'd007', responsible: 'staff-b' }),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-09', 'M-01'])
    expect(fold.state.approvals.size).toBe(0)
    expect(fold.state.devices.get('pc9')?.sanitizedAt).toBeNull()
  })

  it('M-09 the approval must be a reuse approval of this very device, not yet used', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.reuse_approved', { deviceId: 'u1', purpose: '改作他用' }),
      ev('device.sanitized', { deviceId: 'pc1', by: '县保密技术服务中心' }),
      ev('device.reused', { deviceId: 'pc1', approvalId: 'd006', responsible: 'staff-b' }),
      ev('device.reused', { deviceId: 'pc1', approvalId: 'd007', responsible: 'staff-b' }),
    ])
    expect(codes(fold)).toEqual(['M-09', 'M-09'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { deviceId: 'pc1', approvalId: 'd006' },
      { deviceId: 'pc1', approvalId: 'd007' },
    ])
    expect(fold.state.devices.get('pc1')?.responsible).toBe('staff-a')
    expect([...fold.state.approvals.values()].map((a) => a.usedBy)).toEqual([null, null])
  })

  it('M-09 a sanitization at the very instant of the approval counts as after it', () => {
    const ev = eventBuilder()
    const at = local('2026-03-02T10:00')
    const fold = foldDevices([
      ...setup(ev),
      ev('device.reuse_approved', { deviceId: 'pc1', purpose: '改作他用' }, 'leader1', at),
      ev('device.sanitized', { deviceId: 'pc1', by: '县保密技术服务中心' }, 'officer1', at),
      ev(
        'device.reused',
        { deviceId: 'pc1', approvalId: 'd006', responsible: 'staff-b' },
        'officer1',
        at + 1,
      ),
    ])
    expect(codes(fold)).toEqual([])
    expect(fold.state.devices.get('pc1')?.sanitizedAt).toBe(at)
    expect(fold.state.approvals.get('d006')?.usedBy).toBe('d008')
  })

  it('B-05 M-09 the new responsible person of a reused device signed the book; a reused medium loses its bindings', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.reuse_approved', { deviceId: 'u1', purpose: '改作他用' }),
      ev('device.sanitized', { deviceId: 'u1', by: '县保密技术服务中心' }),
      ev('device.reused', { deviceId: 'u1', approvalId: 'd006', responsible: 'staff-c' }),
      ev('device.reused', { deviceId: 'u1', approvalId: 'd006', responsible: 'staff-b' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['B-05'])
    expect(fold.refused[0]?.error.details).toEqual({ user: 'staff-c' })
    expect(fold.state.devices.get('u1')).toMatchObject({
      responsible: 'staff-b',
      assignedAt: events[8]?.atMs,
      boundTo: [],
      classified: true,
    })
    expect(fold.state.approvals.get('d006')).toEqual({
      id: 'd006',
      kind: 'reuse',
      deviceId: 'u1',
      by: 'leader1',
      at: events[5]?.atMs,
      user: null,
      untilMs: null,
      usedBy: 'd009',
    })
  })
})

describe('device register: use of classified computers (M-10)', () => {
  const noon = local('2026-03-02T12:00')

  it('M-10 an approval ends strictly after it is given; it is recorded with its user and end', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.use_approved', { deviceId: 'pc1', user: 'staff-b', untilMs: noon }, 'leader1', noon),
      ev('device.use_approved', { deviceId: 'pc1', user: 'staff-b', untilMs: noon + 1 }, 'leader1', noon),
      ev('device.use_approved', { deviceId: 'pc7', user: 'staff-b', untilMs: noon + 1 }, 'leader1', noon),
    ])
    expect(codes(fold)).toEqual(['M-10', 'M-01'])
    expect([...fold.state.approvals.values()]).toEqual([
      {
        id: 'd007',
        kind: 'use',
        deviceId: 'pc1',
        by: 'leader1',
        at: noon,
        user: 'staff-b',
        untilMs: noon + 1,
        usedBy: null,
      },
    ])
  })

  it('M-10 an approval is good up to and including its end, for its own computer only', () => {
    const ev = eventBuilder()
    const use = (deviceId: string, approvalId: string, at: number) =>
      ev('device.used', { deviceId, user: 'staff-b', approvalId }, 'officer1', at)
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002' })),
      ev('device.use_approved', { deviceId: 'pc2', user: 'staff-b', untilMs: noon }),
      use('pc1', 'd007', noon - 1),
      use('pc1', 'nope', noon - 1),
      use('pc2', 'd007', noon),
      use('pc2', 'd007', noon + 1),
    ])
    expect(codes(fold)).toEqual(['M-10', 'M-10', 'M-10'])
    expect(fold.refused.map((r) => r.eventId)).toEqual(['d008', 'd009', 'd011'])
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc1', user: 'staff-b' })
    expect(fold.state.useLog).toEqual([
      { eventId: 'd010', deviceId: 'pc2', user: 'staff-b', approvalId: 'd007', at: noon },
    ])
  })

  it('M-10 a non-classified computer or a classified medium is logged for anyone without approval', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.used', { deviceId: 'pc9', user: 'staff-a' }),
      ev('device.used', { deviceId: 'u1', user: 'staff-b' }),
    ])
    expect(codes(fold)).toEqual([])
    expect(fold.state.useLog.map((u) => [u.deviceId, u.user, u.approvalId])).toEqual([
      ['pc9', 'staff-a', null],
      ['u1', 'staff-b', null],
    ])
  })
})
