import { describe, expect, it } from 'vitest'
import { openDeviceAnomalies } from '../../../src/registers/device/queries.ts'
import {
  codes,
  device,
  eventBuilder,
  foldDevices,
  judgeAfter,
  plainPc,
  plainUsb,
  setup,
} from './device-fold.ts'

/** Refusal branches and records of media (M-03) and of classified storage and reclassification (M-09). */

const repairPc1 = {
  deviceId: 'pc1',
  approvalId: 'd006',
  site: 'designated',
  repairer: 'X',
  diskRemoved: true,
} as const

describe('device register: media (M-03)', () => {
  it('M-01 a use, a binding or a report naming an unregistered medium or computer is refused', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.medium_used', { mediumId: 'u7', computerId: 'pc1' }),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc7' }),
      ev('device.medium_bound', { mediumId: 'u7', computerId: 'pc1' }),
      ev('device.medium_bound', { mediumId: 'u1', computerId: 'pc7' }),
      ev('device.medium_use_reported', { mediumId: 'u7', computerId: 'pc1' }),
      ev('device.medium_use_reported', { mediumId: 'u1', computerId: 'pc7' }),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-01', 'M-01', 'M-01', 'M-01', 'M-01'])
    expect(fold.refused.map((r) => r.error.details?.deviceId)).toEqual([
      'u7',
      'pc7',
      'u7',
      'pc7',
      'u7',
      'pc7',
    ])
    expect(fold.state.mediumUses).toEqual([])
    expect(fold.state.devices.get('u1')?.boundTo).toEqual(['pc1'])
    expect(fold.state.anomalies.size).toBe(0)
  })

  it('M-03 the medium must be a medium and the computer a computer', () => {
    const ev = eventBuilder()
    const history = [...setup(ev), ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002' }))]
    const notMedium = judgeAfter(history, ev('device.medium_used', { mediumId: 'pc2', computerId: 'pc1' }))
    expect(notMedium.error?.code).toBe('M-03')
    expect(notMedium.error?.message.en).toBe('Device JSJ-002 is not a medium')
    const notComputer = judgeAfter(history, ev('device.medium_bound', { mediumId: 'u1', computerId: 'u1' }))
    expect(notComputer.error?.code).toBe('M-03')
    expect(notComputer.error?.details).toEqual({ deviceId: 'u1' })
    expect(notComputer.state.mediumUses).toEqual([])
  })

  it('M-03 M-04 a computer under repair takes no medium, but bindings and reported misuse are still recorded', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', repairPc1),
      ev('device.registered', plainUsb),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc1' }),
      ev('device.medium_bound', { mediumId: 'u1', computerId: 'pc1' }),
      ev('device.medium_use_reported', { mediumId: 'u9', computerId: 'pc1' }),
    ])
    expect(codes(fold)).toEqual(['M-04'])
    expect(fold.state.mediumUses).toEqual([])
    expect(openDeviceAnomalies(fold.state).map((a) => [a.id, a.kind, a.deviceId, a.relatedId])).toEqual([
      ['d011', 'medium_misuse', 'u9', 'pc1'],
    ])
  })

  it('M-03 bindings are kept once each, sorted by computer id', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', device({ deviceId: 'pc0', number: 'JSJ-000' })),
      ev('device.medium_bound', { mediumId: 'u1', computerId: 'pc1' }),
      ev('device.medium_bound', { mediumId: 'u1', computerId: 'pc0' }),
    ])
    expect(codes(fold)).toEqual([])
    expect(fold.state.devices.get('u1')?.boundTo).toEqual(['pc0', 'pc1'])
  })

  it('M-03 a medium of a higher level is not bound to a lower computer; the refusal names the level', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev(
        'device.registered',
        device({ deviceId: 'u2', number: 'JZ-002', kind: 'medium', level: 'top_secret' }),
      ),
      ev('device.medium_bound', { mediumId: 'u2', computerId: 'pc1' }),
      ev('device.registered', device({ deviceId: 'u3', number: 'JZ-003', kind: 'medium' })),
      ev('device.medium_bound', { mediumId: 'u3', computerId: 'pc1' }),
    ])
    expect(codes(fold)).toEqual(['M-03'])
    expect(fold.refused[0]?.error.message.zh).toMatch(/^绝密介质/)
    expect(fold.refused[0]?.error.details).toEqual({ mediumId: 'u2', computerId: 'pc1' })
    expect(fold.state.devices.get('u3')?.boundTo).toEqual(['pc1'])
  })
})

describe('device register: classified storage and reclassification (M-09)', () => {
  it('M-09 only a state-secret file counts; an unregistered device is refused', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.classified_file_stored', { deviceId: 'pc9', level: 'internal' }),
      ev('device.classified_file_stored', { deviceId: 'pc7', level: 'secret' }),
    ])
    expect(codes(fold)).toEqual(['M-09', 'M-01'])
    expect(fold.state.devices.get('pc9')).toMatchObject({
      classified: false,
      everClassified: false,
      level: null,
    })
    expect(fold.state.anomalies.size).toBe(0)
  })

  it('M-09 a file within the device level changes nothing; a higher one raises the level and is an anomaly', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.classified_file_stored', { deviceId: 'pc1', level: 'secret' }),
      ev('device.classified_file_stored', { deviceId: 'pc1', level: 'confidential' }),
      ev('device.classified_file_stored', { deviceId: 'u1', level: 'secret' }),
    ])
    expect(codes(fold)).toEqual([])
    expect(fold.state.devices.get('pc1')?.level).toBe('secret')
    expect(fold.state.devices.get('u1')).toMatchObject({ classified: true, level: 'secret' })
    expect(openDeviceAnomalies(fold.state).map((a) => [a.id, a.kind, a.deviceId])).toEqual([
      ['d008', 'classified_on_unclassified', 'u1'],
    ])
  })

  it('M-01 M-09 a reclassification keeps class and level consistent; never-classified devices move freely', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.reclassified', { deviceId: 'pc7', classified: true, level: 'secret' }),
      ev('device.reclassified', { deviceId: 'pc1', classified: true, level: null }),
      ev('device.reclassified', { deviceId: 'pc1', classified: true, level: 'secret' }),
      ev('device.reclassified', { deviceId: 'pc9', classified: false, level: 'internal' }),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-01'])
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc7' })
    expect(fold.state.devices.get('pc1')).toMatchObject({ classified: true, level: 'secret' })
    expect(fold.state.devices.get('pc9')).toMatchObject({
      classified: false,
      everClassified: false,
      level: 'internal',
    })
  })

  it('M-09 a device once reclassified as classified never returns to non-classified use', () => {
    const ev = eventBuilder()
    const fold = foldDevices([
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.reclassified', { deviceId: 'pc9', classified: true, level: 'confidential' }),
      ev('device.reclassified', { deviceId: 'pc9', classified: false, level: null }),
    ])
    expect(codes(fold)).toEqual(['M-09'])
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc9' })
    expect(fold.state.devices.get('pc9')).toMatchObject({
      classified: true,
      everClassified: true,
      level: 'confidential',
    })
  })
})
