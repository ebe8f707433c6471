import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import { copyPayload, local, registration, signed } from './fixtures.ts'

/**
 * A fixed pool of signed events from two offline devices (pc1, pc2) and a leader's device (pc3) on one
 * day, built to hit every rule: concurrent hand-outs, a duplicate serial, refusals of each block rule,
 * forged and misattributed events. Property tests fold subsets, permutations and splits of it.
 */
export function eventPool(): EventEnvelope[] {
  const at = (hhmm: string) => local(`2026-03-02T${hhmm}`)
  const R1 = signed('carrier.registered', registration(), { at: at('08:00') })
  const R2 = signed(
    'carrier.registered',
    registration({
      serial: '2026-0002',
      copies: [
        { id: 'c2', copyNumber: 2 },
        { id: 'c3', copyNumber: 3 },
      ],
    }),
    { at: at('08:05') },
  )
  const R3 = signed(
    'carrier.registered',
    registration({
      serial: '2026-0002',
      level: 'confidential',
      title: '关于某事的通知',
      copies: [{ id: 'c4', copyNumber: null }],
    }),
    { at: at('08:06'), device: 'pc2' },
  )
  const R4 = signed(
    'carrier.registered',
    registration({
      serial: '2026-0003',
      level: 'work_secret',
      title: '工作方案',
      receivedOn: '2026-02-27',
      copies: [{ id: 'c5', copyNumber: null }],
    }),
    { at: at('08:10'), device: 'pc2' },
  )
  const R5 = signed('carrier.registered', registration({ serial: '2026-0004' }), {
    at: at('08:20'),
    device: 'pc2',
  })
  const R6 = signed(
    'carrier.registered',
    registration({ serial: '2026-0005', title: '全文标题', copies: [{ id: 'c6', copyNumber: 1 }] }),
    {
      at: at('08:21'),
    },
  )
  const Rx = signed(
    'carrier.registered',
    { ...registration({ serial: '2026-0006', copies: [{ id: 'c7', copyNumber: 1 }] }), body: '正文' },
    {
      at: at('08:22'),
    },
  )
  const H1a = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: at('09:00') })
  const H1b = signed(
    'carrier.handed_out',
    { carrierId: 'c1', reader: '陈' },
    { at: at('09:30'), device: 'pc2' },
  )
  const T1a = signed('carrier.taken_back', { carrierId: 'c1', handOutId: H1a.id }, { at: at('11:00') })
  const T1b = signed(
    'carrier.taken_back',
    { carrierId: 'c1', handOutId: H1b.id },
    { at: at('12:00'), device: 'pc2' },
  )
  const H1c = signed('carrier.handed_out', { carrierId: 'c1', reader: '杨' }, { at: at('14:00') })
  const T1c = signed('carrier.taken_back', { carrierId: 'c1', handOutId: H1c.id }, { at: at('15:00') })
  const H2 = signed(
    'carrier.handed_out',
    { carrierId: 'c2', reader: '刘', dueAt: at('10:00') },
    { at: at('09:10') },
  )
  const T2 = signed('carrier.taken_back', { carrierId: 'c2', handOutId: H2.id }, { at: at('09:50') })
  const H5 = signed(
    'carrier.handed_out',
    { carrierId: 'c5', reader: '周', dueAt: at('21:00') },
    { at: at('19:00'), device: 'pc2' },
  )
  const H5bad = signed('carrier.handed_out', { carrierId: 'c5', reader: '吴' }, { at: at('19:30') })
  const H3late = signed(
    'carrier.handed_out',
    { carrierId: 'c3', reader: '郑', dueAt: local('2026-03-03T08:00') },
    { at: at('20:00') },
  )
  const K1 = signed('carrier.copied', copyPayload('c2', [{ id: 'k1', copyNumber: 7 }]), { at: at('10:30') })
  const K2 = signed('carrier.copied', copyPayload('c1', [{ id: 'k2', copyNumber: 8 }], { approval: null }), {
    at: at('10:40'),
  })
  const K3 = signed(
    'carrier.copied',
    copyPayload('c5', [{ id: 'k3', copyNumber: null }], { approval: null }),
    {
      at: at('11:00'),
      device: 'pc2',
    },
  )
  const A1 = signed(
    'approval.granted',
    { subject: 'carrier.destroy', carrierIds: ['c2', 'c3'] },
    { at: at('13:00'), device: 'pc3' },
  )
  const A2forged = signed(
    'approval.granted',
    { subject: 'carrier.destroy', carrierIds: ['c1'] },
    {
      at: at('13:05'),
      device: 'pc3',
      signer: 'officer1',
    },
  )
  const A3other = signed(
    'approval.granted',
    { subject: 'carrier.destroy', carrierIds: ['c1'] },
    {
      at: at('13:06'),
      device: 'pc3',
      actor: 'leader2',
    },
  )
  const D1 = signed(
    'carrier.destroyed',
    { carrierIds: ['c3'], approvalId: A1.id, method: 'central', receiptNumber: 'XB-1' },
    {
      at: at('14:00'),
    },
  )
  const D2 = signed(
    'carrier.destroyed',
    { carrierIds: ['c2'], approvalId: A1.id, method: 'central', receiptNumber: 'XB-2' },
    {
      at: at('14:30'),
      device: 'pc2',
    },
  )
  const D3 = signed(
    'carrier.destroyed',
    { carrierIds: ['c1'], approvalId: A2forged.id, method: 'central', receiptNumber: 'XB-3' },
    {
      at: at('14:40'),
    },
  )
  const D4 = signed(
    'carrier.destroyed',
    { carrierIds: ['c3'], approvalId: A1.id, method: 'central', receiptNumber: 'XB-4' },
    {
      at: at('15:00'),
      device: 'pc2',
    },
  )
  const AR1 = signed(
    'anomaly.resolved',
    { anomalyId: `concurrent_hand_out:${H1b.id}`, note: '已核实' },
    { at: at('16:00') },
  )
  const AR2 = signed(
    'anomaly.resolved',
    { anomalyId: `duplicate_serial:${R3.id}`, note: '已重新编号' },
    {
      at: at('16:10'),
      device: 'pc2',
    },
  )
  const AR3 = signed(
    'anomaly.resolved',
    { anomalyId: `concurrent_hand_out:${H1b.id}`, note: '再次' },
    { at: at('16:20'), device: 'pc2' },
  )
  const U1 = signed(
    'carrier.registered',
    registration({ serial: '2026-0009', copies: [{ id: 'c9', copyNumber: 1 }] }),
    {
      at: at('08:30'),
      actor: 'stranger',
    },
  )
  const W1 = signed(
    'carrier.registered',
    registration({ serial: '2026-0010', copies: [{ id: 'c10', copyNumber: 1 }] }),
    {
      at: at('08:31'),
      actor: 'classifier1',
    },
  )
  const X1 = signed(
    'carrier.handed_out',
    { carrierId: 'c1', reader: '外' },
    { at: at('09:05'), actor: 'officer2', device: 'pc9' },
  )
  return [
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    Rx,
    H1a,
    H1b,
    T1a,
    T1b,
    H1c,
    T1c,
    H2,
    T2,
    H5,
    H5bad,
    H3late,
    K1,
    K2,
    K3,
    A1,
    A2forged,
    A3other,
    D1,
    D2,
    D3,
    D4,
    AR1,
    AR2,
    AR3,
    U1,
    W1,
    X1,
  ]
}
