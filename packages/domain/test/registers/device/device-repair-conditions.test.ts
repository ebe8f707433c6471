import { describe, expect, it } from 'vitest'
import { DEFAULT_DEVICE_POLICY, type DevicePolicy } from '../../../src/registers/device/policy.ts'
import { createDeviceSlice } from '../../../src/registers/device/slice.ts'
import { codes, eventBuilder, foldDevices, setup } from './device-fold.ts'

/**
 * rule M-04: each condition of a classified device's repair on its own, one repair per fold so that a
 * wrongly accepted repair cannot hide behind the next refusal (a device under repair refuses anything).
 */

type Start = { site: 'designated' | 'on_site'; diskRemoved: boolean; supervisor?: string }

function start(conditions: Start, policy: DevicePolicy = DEFAULT_DEVICE_POLICY) {
  const ev = eventBuilder()
  return foldDevices(
    [
      ...setup(ev),
      ev('device.repair_approved', { deviceId: 'pc1' }),
      ev('device.repair_started', {
        deviceId: 'pc1',
        approvalId: 'd006',
        repairer: '维修单位',
        ...conditions,
      }),
    ],
    createDeviceSlice(policy),
  )
}

describe('device register: conditions of a repair (M-04)', () => {
  it('M-04 at a designated site the disk is removed first', () => {
    const fold = start({ site: 'designated', diskRemoved: false, supervisor: 'officer1' })
    expect(codes(fold)).toEqual(['M-04'])
    expect(fold.refused[0]?.error.message.en).toBe(
      'The disk of classified device JSJ-001 is removed before it goes to repair (rule M-04)',
    )
    expect(fold.state.devices.get('pc1')).toMatchObject({ status: 'in_use', repairs: [] })
    expect(fold.state.approvals.get('d006')?.usedBy).toBeNull()
  })

  it('M-04 on site a named supervisor is present throughout, even with the disk removed', () => {
    const fold = start({ site: 'on_site', diskRemoved: true })
    expect(codes(fold)).toEqual(['M-04'])
    expect(fold.refused[0]?.error.message.en).toBe(
      'An on-site repair needs a named supervisor present throughout (rule M-04)',
    )
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc1' })
    expect(fold.state.devices.get('pc1')?.repairs).toEqual([])
  })

  it('M-04 on site under supervision the disk may stay in by default, not when the policy says so', () => {
    const byDefault = start({ site: 'on_site', diskRemoved: false, supervisor: 'officer1' })
    expect(codes(byDefault)).toEqual([])
    expect(byDefault.state.devices.get('pc1')?.status).toBe('in_repair')
    expect(byDefault.state.approvals.get('d006')?.usedBy).toBe('d007')
    const strict = start(
      { site: 'on_site', diskRemoved: false, supervisor: 'officer1' },
      { ...DEFAULT_DEVICE_POLICY, diskRemovedForOnSiteRepair: true },
    )
    expect(codes(strict)).toEqual(['M-04'])
    expect(strict.state.devices.get('pc1')?.status).toBe('in_use')
  })

  it('M-04 a designated-site repair with the disk removed needs no supervisor', () => {
    const fold = start({ site: 'designated', diskRemoved: true })
    expect(codes(fold)).toEqual([])
    expect(fold.state.devices.get('pc1')?.repairs.map((r) => [r.site, r.supervisor, r.diskRemoved])).toEqual([
      ['designated', null, true],
    ])
  })
})
