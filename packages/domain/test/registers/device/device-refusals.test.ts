import { describe, expect, it } from 'vitest'
import { local } from '../../support/fixtures.ts'
import { codes, device, eventBuilder, foldDevices, judgeAfter, plainPc, setup } from './device-fold.ts'

/** Refusal branches of registration, assignment, designation and networks (device-rules.ts). */

describe('device register: registration, assignment and designation refusals', () => {
  it('M-01 refuses a second registration under an existing device id; its number stays free', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ number: 'JSJ-002', responsible: 'staff-b' })),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002' })),
    ])
    expect(codes(fold)).toEqual(['DEVICE-EXISTS'])
    expect(fold.state.devices.get('pc1')).toMatchObject({ number: 'JSJ-001', responsible: 'staff-a' })
    expect(fold.state.devices.get('pc2')?.number).toBe('JSJ-002')
  })

  it('M-01 a classified device without a level is refused; a non-classified one may carry a lower level', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002', level: null })),
      ev(
        'device.registered',
        device({ deviceId: 'pc3', number: 'JSJ-003', classified: false, level: 'internal' }),
      ),
    ])
    expect(codes(fold)).toEqual(['M-01'])
    expect(fold.state.devices.has('pc2')).toBe(false)
    expect(fold.state.devices.get('pc3')).toMatchObject({ classified: false, level: 'internal' })
  })

  it('M-01 reassigning an unregistered device is refused even with a responsible person who signed', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.assigned', { deviceId: 'pc7', responsible: 'staff-b' }),
    ])
    expect(codes(fold)).toEqual(['M-01'])
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc7' })
    expect(fold.state.devices.has('pc7')).toBe(false)
  })

  it('B-05 a reassignment to a user with a book moves the device and restarts its assignment time', () => {
    const ev = eventBuilder()
    const events = [...setup(ev), ev('device.assigned', { deviceId: 'pc1', responsible: 'staff-b' })]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual([])
    expect(fold.state.devices.get('pc1')).toMatchObject({
      responsible: 'staff-b',
      assignedAt: events[5]?.atMs,
      registeredAt: events[2]?.atMs,
    })
  })

  it('B-05 the book records its signing leader and time; a later book replaces the earlier one', () => {
    const ev = eventBuilder()
    const events = [
      ev('device.user_book_signed', { bookId: 'b1', user: 'staff-a' }),
      ev('device.user_book_signed', { bookId: 'b2', user: 'staff-a' }, 'chief1'),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual([])
    expect([...fold.state.books.values()]).toEqual([
      { bookId: 'b2', eventId: 'd002', user: 'staff-a', leader: 'chief1', signedAt: events[1]?.atMs },
    ])
  })
})

describe('device register: network refusals (M-02, M-11)', () => {
  it('M-02 the refusal says which way the connection is forbidden', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.network_connected', { deviceId: 'pc1', network: 'internet' }),
      ev('device.network_connected', { deviceId: 'pc9', network: 'classified', networkId: 'n1' }),
    ])
    expect(codes(fold)).toEqual(['M-02', 'M-02'])
    const [classified, plain] = fold.refused.map((r) => r.error)
    expect(classified?.message.en).toMatch(/^Classified computer JSJ-001 /)
    expect(classified?.message.zh).toMatch(/^涉密计算机 JSJ-001 /)
    expect(classified?.details).toEqual({ deviceId: 'pc1', network: 'internet' })
    expect(plain?.message.en).toMatch(/^Non-classified computer JSJ-009 /)
    expect(plain?.message.zh).toMatch(/^非涉密计算机 JSJ-009 /)
  })

  it('M-01 M-04 a connection of an unregistered device or of one under repair is refused', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.network_connected', { deviceId: 'pc7', network: 'classified' }),
      ev('device.connection_reported', { deviceId: 'pc7', network: 'internet' }),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', {
        deviceId: 'pc1',
        approvalId: 'd008',
        site: 'designated',
        repairer: 'X',
        diskRemoved: true,
      }),
      ev('device.network_connected', { deviceId: 'pc1', network: 'internal' }),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-01', 'M-04'])
    expect(fold.refused[2]?.error.message.en).toContain('is under repair')
    expect(fold.state.anomalies.size).toBe(0)
  })

  it('M-02 only computers connect to networks or have connections reported', () => {
    const ev = eventBuilder()
    const history = setup(ev)
    for (const e of [
      ev('device.network_connected', { deviceId: 'u1', network: 'internet' }),
      ev('device.connection_reported', { deviceId: 'u1', network: 'internet' }),
    ]) {
      const { error, state } = judgeAfter(history, e)
      expect(error?.code).toBe('M-02')
      expect(error?.details).toEqual({ deviceId: 'u1' })
      expect(state.anomalies.size).toBe(0)
    }
  })

  it('M-11 joining a classified network names the network, and needs one that is approved and still in use', () => {
    const ev = eventBuilder()
    const net = device({ deviceId: 'n1', number: 'WL-001', kind: 'network', responsible: 'staff-a' })
    const join = { deviceId: 'pc1', network: 'classified', networkId: 'n1' } as const
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', net),
      ev('device.network_approved', { deviceId: 'n1', testRef: 'T-1' }),
      ev('device.network_connected', { deviceId: 'pc1', network: 'classified' }),
      ev('device.network_connected', join),
      ev('device.disposal_approved', { deviceId: 'n1', disposal: 'replace' }),
      ev('device.disposed', {
        deviceId: 'n1',
        approvalId: 'd010',
        disposal: 'replace',
        diskRemoved: true,
        diskTo: 'kept_classified',
      }),
      ev('device.network_connected', join),
    ])
    expect(codes(fold)).toEqual(['M-11', 'M-11'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([{ networkId: null }, { networkId: 'n1' }])
    expect(fold.state.devices.get('pc1')?.connections.map((c) => c.eventId)).toEqual(['d009'])
  })

  it('M-11 an unregistered network is never joined', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.network_connected', { deviceId: 'pc1', network: 'classified', networkId: 'n7' }),
    ])
    expect(codes(fold)).toEqual(['M-11'])
    expect(fold.state.devices.get('pc1')?.connections).toEqual([])
  })

  it('M-02 connections are recorded in order with their network, its id when named, and the time', () => {
    const ev = eventBuilder()
    const at = local('2026-03-02T10:00')
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.network_connected', { deviceId: 'pc9', network: 'internet' }, 'officer1', at),
      ev('device.network_connected', { deviceId: 'pc9', network: 'internal' }, 'officer1', at + 1),
    ])
    expect(fold.state.devices.get('pc9')?.connections).toEqual([
      { eventId: 'd007', network: 'internet', networkId: null, at },
      { eventId: 'd008', network: 'internal', networkId: null, at: at + 1 },
    ])
  })
})

describe('device register: devices out of use', () => {
  it('M-04 M-05 the refusal says whether the device is under repair, awaiting its check, scrapped or replaced', () => {
    const ev = eventBuilder()
    const use = (deviceId: string) => ev('device.used', { deviceId, user: 'staff-a' })
    const gone = { diskRemoved: true, diskTo: 'kept_classified' } as const
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002', classified: false, level: null })),
      ev('device.registered', device({ deviceId: 'pc3', number: 'JSJ-003', classified: false, level: null })),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', {
        deviceId: 'pc1',
        approvalId: 'd008',
        site: 'designated',
        repairer: 'X',
        diskRemoved: true,
      }),
      use('pc1'),
      ev('device.repair_returned', { deviceId: 'pc1' }),
      use('pc1'),
      ev('device.disposed', { ...gone, deviceId: 'pc2', disposal: 'scrap' }),
      use('pc2'),
      ev('device.disposed', { ...gone, deviceId: 'pc3', disposal: 'replace' }),
      use('pc3'),
    ])
    expect(codes(fold)).toEqual(['M-04', 'M-04', 'DEVICE-RETIRED', 'DEVICE-RETIRED'])
    expect(fold.refused.map((r) => r.error.message.en)).toEqual([
      'Device JSJ-001 is under repair and may not be used (rule M-04)',
      'Device JSJ-001 is awaiting its security check after repair and may not be used (rule M-04)',
      'Device JSJ-002 is scrapped',
      'Device JSJ-003 is replaced',
    ])
    expect(fold.refused.map((r) => r.error.message.zh)).toEqual([
      '设备 JSJ-001 正在维修，不得使用（规则 M-04）',
      '设备 JSJ-001 维修后尚未安全检查，不得使用（规则 M-04）',
      '设备 JSJ-002 已报废',
      '设备 JSJ-003 已更换',
    ])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { deviceId: 'pc1' },
      { deviceId: 'pc1' },
      { deviceId: 'pc2' },
      { deviceId: 'pc3' },
    ])
    expect(fold.state.useLog).toEqual([])
  })
})
