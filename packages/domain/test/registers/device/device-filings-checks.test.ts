import { describe, expect, it } from 'vitest'
import { DEFAULT_DEVICE_POLICY } from '../../../src/registers/device/policy.ts'
import { pendingBureauFilings } from '../../../src/registers/device/queries.ts'
import { createDeviceSlice, deviceSlice } from '../../../src/registers/device/slice.ts'
import { expectClearRefusal } from '../../support/clear-refusal.ts'
import { makeContext } from '../../support/fixtures.ts'
import {
  codes,
  device,
  deviceContext,
  eventBuilder,
  foldDevices,
  judgeAfter,
  plainPc,
  setup,
} from './device-fold.ts'

/** Configuration and networks (M-11), bureau filings, check items (M-06, M-08), anomalies, the slice itself. */

const net = device({ deviceId: 'n1', number: 'WL-001', kind: 'network', responsible: 'staff-a' })

describe('device register: configuration, networks and filings (M-11, M-05)', () => {
  it('M-11 changes and approvals name a registered device; only a classified device files its changes', () => {
    const ev = eventBuilder()
    const history = [...setup(ev), ev('device.registered', plainPc)]
    const fold = foldDevices([
      ...history,
      ev('device.config_changed', { deviceId: 'pc7', changeId: 'c1' }),
      ev('device.network_approved', { deviceId: 'n7', testRef: 'T-1' }),
    ])
    expect(codes(fold)).toEqual(['M-01', 'M-01'])
    expect(pendingBureauFilings(fold.state)).toEqual([])
    const plain = judgeAfter(history, ev('device.config_changed', { deviceId: 'pc9', changeId: 'c2' }))
    expect(plain.error?.code).toBe('M-11')
    expect(plain.error?.message.en).toContain('(rule M-11)')
    const notANetwork = judgeAfter(
      history,
      ev('device.network_approved', { deviceId: 'pc1', testRef: 'T-2' }),
    )
    expect(notANetwork.error?.code).toBe('M-11')
    expect(notANetwork.state.devices.get('pc1')?.networkApproval).toBeNull()
  })

  it("M-11 the bureau's test of a network is recorded with its reference and time", () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.registered', net),
      ev('device.network_approved', { deviceId: 'n1', testRef: '市保密局测评〔2026〕2号' }),
    ]
    const fold = foldDevices(events)
    expect(fold.state.devices.get('n1')?.networkApproval).toEqual({
      testRef: '市保密局测评〔2026〕2号',
      at: events[6]?.atMs,
    })
  })

  it('M-11 a filing closes a pending item of the same device only; the filing is recorded', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.config_changed', { deviceId: 'pc1', changeId: 'c1' }),
      ev('device.filed_with_bureau', { deviceId: 'u1', subject: 'config', refId: 'c1', filingRef: 'F-0' }),
      ev('device.filed_with_bureau', { deviceId: 'pc1', subject: 'config', refId: 'c9', filingRef: 'F-0' }),
      ev('device.filed_with_bureau', { deviceId: 'pc1', subject: 'repair', refId: 'c1', filingRef: 'F-0' }),
      ev('device.filed_with_bureau', { deviceId: 'pc1', subject: 'config', refId: 'c1', filingRef: 'F-1' }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual([
      'DEVICE-NOTHING-TO-FILE',
      'DEVICE-NOTHING-TO-FILE',
      'DEVICE-NOTHING-TO-FILE',
    ])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { deviceId: 'u1', refId: 'c1' },
      { deviceId: 'pc1', refId: 'c9' },
      { deviceId: 'pc1', refId: 'c1' },
    ])
    expect([...fold.state.filings.values()]).toEqual([
      {
        key: 'config:c1',
        deviceId: 'pc1',
        subject: 'config',
        refId: 'c1',
        since: events[5]?.atMs,
        filedAt: events[9]?.atMs,
        filingRef: 'F-1',
      },
    ])
  })
})

describe('device register: check items and anomalies (M-06, M-08)', () => {
  it('M-06 a software check names a registered classified computer, not a non-classified one', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.registered', plainPc),
      ev('device.check_recorded', { checkId: 'k1', item: 'software', deviceId: 'pc9', passed: true }),
      ev('device.check_recorded', { checkId: 'k2', item: 'software', deviceId: 'pc7', passed: true }),
      ev('device.check_recorded', { checkId: 'k3', item: 'software', deviceId: 'pc1', passed: true }),
      ev('device.check_recorded', { checkId: 'k3', item: 'software', deviceId: 'pc1', passed: false }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual(['M-06', 'M-01', 'DEVICE-EXISTS'])
    expect(fold.state.devices.get('pc9')?.lastSoftwareCheckAt).toBeNull()
    expect(fold.state.checks).toEqual([
      {
        eventId: 'd009',
        checkId: 'k3',
        item: 'software',
        deviceId: 'pc1',
        passed: true,
        at: events[8]?.atMs,
      },
    ])
    expect(fold.state.anomalies.size).toBe(0)
  })

  it('M-08 a passed phones check is recorded without an anomaly and touches no device', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.check_recorded', { checkId: 'p1', item: 'phones_excluded', deviceId: null, passed: true }),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual([])
    expect(fold.state.checks.map((c) => [c.checkId, c.item, c.deviceId, c.passed])).toEqual([
      ['p1', 'phones_excluded', null, true],
    ])
    expect(fold.state.anomalies.size).toBe(0)
    expect(fold.state.devices.get('pc1')?.lastSoftwareCheckAt).toBeNull()
  })

  it('M-06 a failed check opens an anomaly; its resolution records who, when and why', () => {
    const ev = eventBuilder()
    const events = [
      ...setup(ev),
      ev('device.check_recorded', { checkId: 'k1', item: 'software', deviceId: 'pc1', passed: false }),
      ev('device.anomaly_resolved', { anomalyId: 'd006', note: '已卸载违规软件' }, 'chief1'),
    ]
    const fold = foldDevices(events)
    expect(codes(fold)).toEqual([])
    expect([...fold.state.anomalies.values()]).toEqual([
      {
        id: 'd006',
        kind: 'software_check_failed',
        deviceId: 'pc1',
        relatedId: null,
        openedAt: events[5]?.atMs,
        resolvedAt: events[6]?.atMs,
        resolvedBy: 'chief1',
        note: '已卸载违规软件',
      },
    ])
  })
})

describe('device register: the slice', () => {
  it('M-01 a registration records the whole entry', () => {
    const ev = eventBuilder()
    const events = [...setup(ev)]
    const fold = foldDevices(events)
    const at = events[2]?.atMs
    expect(fold.state.devices.get('pc1')).toEqual({
      id: 'pc1',
      eventId: 'd003',
      number: 'JSJ-001',
      kind: 'computer',
      classified: true,
      level: 'secret',
      everClassified: true,
      responsible: 'staff-a',
      assignedAt: at,
      registeredAt: at,
      status: 'in_use',
      boundTo: [],
      connections: [],
      networkApproval: null,
      repairs: [],
      sanitizedAt: null,
      lastSoftwareCheckAt: null,
      disposal: null,
    })
    expect(fold.state.useLog).toEqual([])
    expect(fold.state.mediumUses).toEqual([])
    expect(fold.state.checks).toEqual([])
  })

  it('M-04 a slice built with its own policy is still the device register and applies what it accepts', () => {
    const slice = createDeviceSlice({ ...DEFAULT_DEVICE_POLICY, diskRemovedForOnSiteRepair: true })
    expect(slice.name).toBe('device')
    const ev = eventBuilder()
    const onSite = {
      deviceId: 'pc1',
      approvalId: 'd006',
      site: 'on_site',
      repairer: 'X',
      supervisor: 'officer1',
    } as const
    const fold = foldDevices(
      [
        ...setup(ev),
        ev('device.repair_approved', { deviceId: 'pc1' }),
        ev('device.repair_started', { ...onSite, diskRemoved: true }),
      ],
      slice,
    )
    expect(codes(fold)).toEqual([])
    expect(fold.state.devices.get('pc1')?.status).toBe('in_repair')
  })

  it('M-01 the slice refuses an event type it does not keep', () => {
    const error = deviceSlice.check(
      deviceSlice.empty(),
      { id: 'x1', type: 'device.unknown', actor: 'officer1', atMs: 0, payload: {} },
      makeContext(),
    )
    expect(error?.code).toBe('DEVICE-UNKNOWN-TYPE')
    if (error) expectClearRefusal(error)
    expect(error?.message.en).toContain('device.unknown')
  })

  it('M-01 a fork carries every entry over, and what is applied to the fork leaves the original unchanged', () => {
    const ev = eventBuilder()
    const history = [
      ...setup(ev),
      ev('device.used', { deviceId: 'pc1', user: 'staff-a' }),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc1' }),
      ev('device.check_recorded', { checkId: 'k1', item: 'software', deviceId: 'pc1', passed: false }),
    ]
    const ctx = deviceContext()
    const work = deviceSlice.fork(deviceSlice.empty())
    for (const e of history) if (deviceSlice.check(work, e, ctx) === null) deviceSlice.apply(work, e, ctx)
    const before = structuredClone(deviceSlice.view(work))
    const fork = deviceSlice.fork(work)
    expect(deviceSlice.view(fork)).toEqual(before)
    const register = ev(
      'device.registered',
      device({ deviceId: 'pc2', number: 'JSJ-002', responsible: 'staff-b' }),
    )
    const check = ev('device.check_recorded', {
      checkId: 'k2',
      item: 'software',
      deviceId: 'pc1',
      passed: true,
    })
    const later = [
      register,
      ev('device.used', { deviceId: 'pc1', user: 'staff-a' }),
      ev('device.medium_used', { mediumId: 'u1', computerId: 'pc1' }),
      check,
      ev('device.check_recorded', { checkId: 'k1', item: 'software', deviceId: 'pc1', passed: true }),
    ]
    const results = later.map((e) => {
      const error = deviceSlice.check(fork, e, ctx)
      if (error === null) deviceSlice.apply(fork, e, ctx)
      return error?.code ?? null
    })
    expect(results).toEqual([null, null, null, null, 'DEVICE-EXISTS'])
    expect(deviceSlice.view(work)).toEqual(before)
    expect(deviceSlice.check(work, register, ctx)).toBeNull()
    expect(deviceSlice.check(work, check, ctx)).toBeNull()
    expect(deviceSlice.view(fork).useLog).toHaveLength(2)
  })
})
