import { describe, expect, it } from 'vitest'
import { openDeviceAnomalies } from '../../../src/registers/device/queries.ts'
import { codes, device, eventBuilder, foldDevices, plainPc, plainUsb, setup } from './device-fold.ts'

describe('device register: networks, media, classification and use', () => {
  it('M-02 refuses connecting a classified computer to the internet or any public network', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.network_connected', { deviceId: 'pc1', network: 'internet' }),
      ev('device.network_connected', { deviceId: 'pc1', network: 'public' }),
      ev('device.network_connected', { deviceId: 'pc1', network: 'internal' }),
      ev('device.network_connected', { deviceId: 'pc9', network: 'internet' }),
    ])
    expect(codes(fold)).toEqual(['M-02', 'M-02', 'M-02'])
    expect(fold.state.devices.get('pc1')?.connections).toEqual([])
    expect(fold.state.devices.get('pc9')?.connections.map((c) => c.network)).toEqual(['internet'])
  })

  it('M-02 a reported public connection of a classified computer is an anomaly, resolved with a note', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.connection_reported', { deviceId: 'pc1', network: 'internet' }),
      ev('device.connection_reported', { deviceId: 'pc9', network: 'internet' }),
    ]
    const found = foldDevices(events)
    expect(codes(found)).toEqual(['DEVICE-NOT-A-VIOLATION'])
    const [anomaly] = openDeviceAnomalies(found.state)
    expect(anomaly?.kind).toBe('public_network_connection')
    expect(anomaly?.deviceId).toBe('pc1')
    const resolved = foldDevices([
      ...events,
      ev('device.anomaly_resolved', { anomalyId: anomaly?.id ?? '', note: '已断网并查明原因' }),
      ev('device.anomaly_resolved', { anomalyId: anomaly?.id ?? '', note: '再次处理' }),
      ev('device.anomaly_resolved', { anomalyId: 'nope', note: '无' }),
    ])
    expect(codes(resolved)).toEqual([
      'DEVICE-NOT-A-VIOLATION',
      'DEVICE-ANOMALY-RESOLVED',
      'DEVICE-ANOMALY-UNKNOWN',
    ])
    expect(openDeviceAnomalies(resolved.state)).toEqual([])
    expect(resolved.state.anomalies.get(anomaly?.id ?? '')?.note).toBe('已断网并查明原因')
  })

  it('M-11 a classified network is joined only after the bureau test and approval; never by a non-classified computer', () => {
    const ev = eventBuilder()
    const net = device({ deviceId: 'n1', number: 'WL-001', kind: 'network', responsible: 'staff-a' })
    const join = { deviceId: 'pc1', network: 'classified', networkId: 'n1' } as const
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.registered', net),
      ev('device.network_connected', join),
      ev('device.network_approved', { deviceId: 'n1', testRef: '市保密局测评〔2026〕2号' }),
      ev('device.network_connected', join),
      ev('device.network_connected', { ...join, deviceId: 'pc9' }),
    ])
    expect(codes(fold)).toEqual(['M-11', 'M-02'])
    expect(fold.state.devices.get('pc1')?.connections.map((c) => c.networkId)).toEqual(['n1'])
  })

  it('M-03 a classified medium is used only on its bound classified computer; non-classified media never there', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.registered', plainUsb),
      ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002' })),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc1' }),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc2' }),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc9' }),
      ev('device.medium_used', { mediumId: 'u9', computerId: 'pc1' }),
      ev('device.medium_used', { mediumId: 'u9', computerId: 'pc9' }),
    ])
    expect(codes(fold)).toEqual(['M-03', 'M-03', 'M-03'])
    expect(fold.state.mediumUses.map((u) => `${u.mediumId}@${u.computerId}`)).toEqual(['u1@pc1', 'u9@pc9'])
  })

  it('M-03 binds only classified media to classified computers of at least the same level', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.registered', plainUsb),
      ev(
        'device.registered',
        device({ deviceId: 'u2', number: 'JZ-002', kind: 'medium', level: 'top_secret' }),
      ),
      ev('device.medium_bound', { mediumId: 'u9', computerId: 'pc1' }),
      ev('device.medium_bound', { mediumId: 'u1', computerId: 'pc9' }),
      ev('device.medium_bound', { mediumId: 'u2', computerId: 'pc1' }),
    ])
    expect(codes(fold)).toEqual(['M-03', 'M-03', 'M-03'])
    expect(fold.state.devices.get('u1')?.boundTo).toEqual(['pc1'])
  })

  it('M-03 reported misuse opens an anomaly; a proper use is not reportable', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.medium_use_reported', { mediumId: 'u1', computerId: 'pc9' }),
      ev('device.medium_use_reported', { mediumId: 'u1', computerId: 'pc1' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['DEVICE-NOT-A-VIOLATION'])
    const [a] = openDeviceAnomalies(fold.state)
    expect(a).toMatchObject({ kind: 'medium_misuse', deviceId: 'u1', relatedId: 'pc9' })
    const resolved = foldDevices([
      ...events,
      ev('device.anomaly_resolved', { anomalyId: a?.id ?? '', note: '介质已收回' }),
    ])
    expect(openDeviceAnomalies(resolved.state)).toEqual([])
  })

  it('M-09 a device that stored a classified file stays classified: never back, never lower', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.registered', plainUsb),
      ev('device.classified_file_stored', { deviceId: 'u9', level: 'confidential' }),
      ev('device.reclassified', { deviceId: 'u9', classified: false, level: null }),
      ev('device.reclassified', { deviceId: 'pc1', classified: true, level: 'confidential' }),
      ev('device.reclassified', { deviceId: 'pc1', classified: true, level: 'top_secret' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-09', 'M-09'])
    expect(fold.state.devices.get('u9')).toMatchObject({
      classified: true,
      everClassified: true,
      level: 'confidential',
    })
    expect(fold.state.devices.get('pc1')?.level).toBe('top_secret')
    // Storing a classified file on a non-classified medium is itself an anomaly, resolved with a note.
    const [a] = openDeviceAnomalies(fold.state)
    expect(a).toMatchObject({ kind: 'classified_on_unclassified', deviceId: 'u9' })
    const resolved = foldDevices([
      ...events,
      ev('device.anomaly_resolved', { anomalyId: a?.id ?? '', note: '按涉密载体管理' }),
    ])
    expect(openDeviceAnomalies(resolved.state)).toEqual([])
  })

  it("M-09 reuse needs the office head's approval and a sanitization after it; the device stays classified", () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.reused', { deviceId: 'pc1', approvalId: 'none', responsible: 'staff-b' }),
      ev('device.sanitized', { deviceId: 'pc1', by: '县保密技术服务中心' }),
      ev('device.reuse_approved', { deviceId: 'pc1', purpose: '改作他用' }),
      ev('device.reused', { deviceId: 'pc1', approvalId: 'd009', responsible: 'staff-b' }),
      ev('device.sanitized', { deviceId: 'pc1', by: '县保密技术服务中心' }),
      ev('device.reused', { deviceId: 'pc1', approvalId: 'd009', responsible: 'staff-b' }),
      ev('device.reused', { deviceId: 'pc1', approvalId: 'd009', responsible: 'staff-b' }),
      ev('device.reuse_approved', { deviceId: 'pc9', purpose: '改作他用' }),
    ])
    expect(codes(fold)).toEqual(['M-09', 'M-09', 'M-09', 'M-09'])
    expect(fold.state.devices.get('pc1')).toMatchObject({ responsible: 'staff-b', classified: true })
    expect(fold.state.approvals.get('d009')?.usedBy).toBe('d012')
  })

  it("M-10 only the assigned user uses a classified computer; anyone else with the office's current approval", () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.used', { deviceId: 'pc1', user: 'staff-a' }),
      ev('device.used', { deviceId: 'pc1', user: 'staff-b' }),
      ev('device.use_approved', { deviceId: 'pc1', user: 'staff-b', untilMs: 0 }),
      ev('device.use_approved', {
        deviceId: 'pc1',
        user: 'staff-b',
        untilMs: Date.parse('2026-03-02T12:00+08:00'),
      }),
      ev('device.used', { deviceId: 'pc1', user: 'staff-b', approvalId: 'd009' }),
      ev('device.used', { deviceId: 'pc1', user: 'staff-c', approvalId: 'd009' }),
      ev(
        'device.used',
        { deviceId: 'pc1', user: 'staff-b', approvalId: 'd009' },
        'officer1',
        Date.parse('2026-03-02T13:00+08:00'),
      ),
    ])
    expect(codes(fold)).toEqual(['M-10', 'M-10', 'M-10', 'M-10'])
    expect(fold.state.useLog.map((u) => [u.user, u.approvalId])).toEqual([
      ['staff-a', null],
      ['staff-b', 'd009'],
    ])
  })
})
