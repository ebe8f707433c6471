import { describe, expect, it } from 'vitest'
import type { DomainError } from '../../src/core/result.ts'
import { eventPool } from '../support/event-pool.ts'
import { check, copyPayload, fold, local, makeContext, registration, signed, T } from '../support/fixtures.ts'

const RULE_CODE = /^[A-Z]-\d{2}$/
const HAS_CJK = /[\u4e00-\u9fff]/

function expectReadable(error: DomainError): void {
  expect(error.message.zh).toMatch(HAS_CJK)
  expect(error.message.en.length).toBeGreaterThan(10)
  expect(error.message.en).not.toMatch(HAS_CJK)
  if (RULE_CODE.test(error.code)) {
    expect(error.message.zh).toContain(`规则 ${error.code}`)
    expect(error.message.en).toContain(`rule ${error.code}`)
    // the reason itself, not only the rule reference
    expect(error.message.zh.replace(`（规则 ${error.code}）`, '')).toMatch(HAS_CJK)
    expect(error.message.en.replace(` (rule ${error.code})`, '').length).toBeGreaterThan(10)
  }
}

const registered = signed('carrier.registered', registration(), { at: local('2026-03-02T08:00') })
const approval = signed(
  'approval.granted',
  { subject: 'carrier.destroy', carrierIds: ['c1'] },
  { at: T.morning },
)
const inHouse = makeContext({}, { allowInHouseDestruction: true, barLeaderFromSupervising: true })
const destroy = (extra: Record<string, unknown>) => ({
  carrierIds: ['c1'],
  approvalId: approval.id,
  method: 'central',
  ...extra,
})

const h1 = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning })
const h2 = signed(
  'carrier.handed_out',
  { carrierId: 'c1', reader: '陈' },
  { at: T.morning + 1, device: 'pc2' },
)
const conflict = [registered, h1, h2]
const anomalyId = `concurrent_hand_out:${h2.id}`
const resolved = signed('anomaly.resolved', { anomalyId, note: '已核实' }, { at: T.noon })

const gone = signed('carrier.destroyed', destroy({ receiptNumber: 'X' }), { at: T.noon })

/** One draft per refusal the rules can give: [expected code, checkEvent result]. */
const cases = () =>
  [
    ['C-01', check([], 'carrier.registered', registration({ receivedOn: '2026-03-03' }), { at: T.morning })],
    ['C-01', check([], 'carrier.registered', registration({ serial: '2025-0001' }), { at: T.morning })],
    [
      'C-01',
      check([registered], 'carrier.registered', registration({ copies: [{ id: 'c2', copyNumber: 1 }] }), {
        at: T.noon,
      }),
    ],
    [
      'CARRIER-EXISTS',
      check([registered], 'carrier.registered', registration({ serial: '2026-0002' }), { at: T.noon }),
    ],
    [
      'C-02',
      check([], 'carrier.registered', registration({ copies: [{ id: 'c1', copyNumber: null }] }), {
        at: T.morning,
      }),
    ],
    ['D-03', check([], 'carrier.registered', registration({ periodYears: 21 }), { at: T.morning })],
    [
      'D-03',
      check([], 'carrier.registered', registration({ level: 'internal', periodYears: 1 }), { at: T.morning }),
    ],
    ['S-02', check([], 'carrier.registered', registration({ title: '完整标题' }), { at: T.morning })],
    ['S-01', check([], 'carrier.registered', { ...registration(), body: 'x' }, { at: T.morning })],
    ['EVT-MALFORMED', check([], 'carrier.registered', { ...registration(), level: 'x' }, { at: T.morning })],
    ['EVT-MALFORMED', check([], 'carrier.registered', registration(), { at: Number.NaN })],
    ['EVT-TYPE', check([], 'carrier.lost' as 'carrier.registered', registration(), { at: T.morning })],
    ['AUTH-ACTOR', check([], 'carrier.registered', registration(), { at: T.morning, actor: 'stranger' })],
    ['AUTH-UNIT', check([], 'carrier.registered', registration(), { at: T.morning, actor: 'officer2' })],
    ['AUTH-ROLE', check([], 'carrier.registered', registration(), { at: T.morning, actor: 'leader1' })],
    [
      'CARRIER-UNKNOWN',
      check([], 'carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning }),
    ],
    ['C-05', check([registered], 'carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.evening })],
    [
      'C-05',
      check(
        [registered],
        'carrier.handed_out',
        { carrierId: 'c1', reader: '刘', dueAt: T.midnight },
        { at: T.evening },
      ),
    ],
    [
      'C-04',
      check(
        [registered],
        'carrier.taken_back',
        { carrierId: 'c1', handOutId: 'e'.repeat(64) },
        { at: T.noon },
      ),
    ],
    [
      'C-07',
      check(
        [registered],
        'carrier.copied',
        copyPayload('c1', [{ id: 'k', copyNumber: 2 }], { approval: null }),
        { at: T.noon },
      ),
    ],
    [
      'C-07',
      check(
        [registered],
        'carrier.copied',
        copyPayload('c1', [{ id: 'k', copyNumber: 2 }], {
          place: { kind: 'licensed_point', pointId: 'copy-shop' },
        }),
        { at: T.noon },
      ),
    ],
    [
      'C-07',
      check([registered, approval, gone], 'carrier.copied', copyPayload('c1', [{ id: 'k', copyNumber: 2 }]), {
        at: T.close,
      }),
    ],
    [
      'C-11',
      check([registered, approval, gone], 'carrier.destroyed', destroy({ receiptNumber: 'Y' }), {
        at: T.close,
      }),
    ],
    [
      'C-11',
      check(
        [registered, approval, gone],
        'approval.granted',
        { subject: 'carrier.destroy', carrierIds: ['c1'] },
        { at: T.close },
      ),
    ],
    [
      'C-11',
      check(
        [registered, approval],
        'carrier.destroyed',
        destroy({ carrierIds: ['c2'], receiptNumber: 'Y' }),
        { at: T.noon },
      ),
    ],
    ['C-11', check([registered], 'carrier.destroyed', destroy({ receiptNumber: 'X' }), { at: T.noon })],
    ['C-11', check([registered, approval], 'carrier.destroyed', destroy({}), { at: T.noon })],
    [
      'C-11',
      check([registered, approval], 'carrier.destroyed', destroy({ method: 'in_house' }), { at: T.noon }),
    ],
    [
      'C-11',
      check(
        [registered, approval],
        'carrier.destroyed',
        destroy({ method: 'in_house', destroyer: 'A', supervisors: ['B'] }),
        { at: T.noon },
        inHouse,
      ),
    ],
    [
      'C-11',
      check(
        [registered, approval],
        'carrier.destroyed',
        destroy({ method: 'in_house', destroyer: 'A', supervisors: ['A', 'B'] }),
        { at: T.noon },
        inHouse,
      ),
    ],
    [
      'C-11',
      check(
        [registered, approval],
        'carrier.destroyed',
        destroy({ method: 'in_house', destroyer: 'A', supervisors: ['李镇长', 'B'] }),
        { at: T.noon },
        inHouse,
      ),
    ],
    [
      'C-11',
      check(
        [registered, approval],
        'carrier.destroyed',
        destroy({ carrierIds: ['c1', 'c1'], receiptNumber: 'X' }),
        { at: T.noon },
      ),
    ],
    [
      'C-11',
      check(
        [registered],
        'approval.granted',
        { subject: 'carrier.destroy', carrierIds: ['c1', 'c1'] },
        { at: T.noon },
      ),
    ],
    [
      'ANOMALY-UNKNOWN',
      check([registered], 'anomaly.resolved', { anomalyId: 'x', note: 'n' }, { at: T.noon }),
    ],
  ] as const

describe('refusals are explained in Chinese and English', () => {
  it('every block rule refusal names its rule in both languages', () => {
    for (const [code, result] of cases()) {
      expect(result.ok ? null : result.error.code).toBe(code)
      if (!result.ok) expectReadable(result.error)
    }
  })

  it('anomaly refusals name the anomaly', () => {
    const unknown = check([registered], 'anomaly.resolved', { anomalyId: 'x', note: 'n' }, { at: T.noon })
    expect(unknown.ok ? null : unknown.error.details).toEqual({ anomalyId: 'x' })
    const closed = check(
      [...conflict, resolved],
      'anomaly.resolved',
      { anomalyId, note: 'n' },
      { at: T.close },
    )
    expect(closed.ok ? null : closed.error.details).toEqual({ anomalyId })
    const actor = check([], 'carrier.registered', registration(), { at: T.morning, actor: 'stranger' })
    expect(actor.ok ? null : actor.error.details).toEqual({ actor: 'stranger' })
    const role = check([], 'carrier.registered', registration(), { at: T.morning, actor: 'leader1' })
    expect(role.ok ? null : role.error.details).toEqual({ roles: ['officer'] })
  })

  it('every refusal in a merged history is explained', () => {
    const state = fold(eventPool())
    expect(state.refused.length).toBeGreaterThan(5)
    for (const r of state.refused) expectReadable(r.error)
  })
})
