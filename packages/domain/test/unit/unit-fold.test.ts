import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import { carrierEventSchemas } from '../../src/registers/carrier/events.ts'
import { DEFAULT_TELEGRAM_POLICY } from '../../src/registers/telegram/policy.ts'
import { checkEvent } from '../../src/unit/check-event.ts'
import { DEFAULT_UNIT_POLICY } from '../../src/unit/policy.ts'
import { composeSlices, unitEventDefinition, unitEventTypes } from '../../src/unit/slices.ts'
import { createUnitRegister, foldUnitRegister } from '../../src/unit/unit-fold.ts'
import {
  copyPayload,
  draftOf,
  fold,
  local,
  makeContext,
  refusedCodes,
  registration,
  signed,
} from '../support/fixtures.ts'

/**
 * The unit fold composes the carrier register with the other registers (ARCHITECTURE decisions 1–3):
 * one log, one order, one gate (signature, actor, unit, role, strict payload), each event judged by
 * its own register's block rules.
 */

const at = (hhmm: string) => local(`2026-03-02T${hhmm}`)

function receipt(telegramId: string, serial: string, receivedAt: number) {
  return {
    telegramId,
    serial,
    fromUnit: '县委机要局',
    docNumber: '县机电〔2026〕1号',
    level: 'confidential',
    precedence: 'routine',
    important: false,
    earlyWarning: false,
    receivedAt,
  }
}

const received = signed('telegram.received', receipt('t1', '2026-0001', at('09:00')), { at: at('09:00') })
const acknowledged = signed('telegram.acknowledged', { telegramId: 't1' }, { at: at('09:05') })
const registered = signed('carrier.registered', registration(), { at: at('09:01') })

describe('the unit fold composes every register', () => {
  it('folds another register’s events into state.registers, in the same log as the carriers', () => {
    const state = fold([acknowledged, registered, received])
    expect(state.carriers.get('c1')?.state).toBe('in_custody')
    const telegram = state.registers.telegram.telegrams.get('t1')
    expect(telegram?.serial).toBe('2026-0001')
    expect(telegram?.acknowledgedAt).toBe(at('09:05'))
    expect(state.refused).toEqual([])
    expect(state.size).toBe(3)
  })

  it('rule E-02: a register’s block rule refuses inside the unit fold, with its code and the event type', () => {
    const early = signed('telegram.acknowledged', { telegramId: 't1' }, { at: at('08:55') })
    const state = fold([received, early])
    expect(state.refused).toEqual([
      expect.objectContaining({ eventId: early.id, type: 'telegram.acknowledged', error: expect.anything() }),
    ])
    expect(refusedCodes(state)).toEqual(['E-02'])
    expect(state.registers.telegram.telegrams.get('t1')?.acknowledgedAt).toBeNull()
  })

  it('screens other registers’ events through the same gate: role, actor, signature, strict payload', () => {
    const wrongRole = signed(
      'telegram.acknowledged',
      { telegramId: 't1' },
      { at: at('09:05'), actor: 'leader1' },
    )
    const forged = signed(
      'telegram.acknowledged',
      { telegramId: 't1' },
      { at: at('09:06'), signer: 'leader1' },
    )
    const stranger = signed(
      'telegram.acknowledged',
      { telegramId: 't1' },
      { at: at('09:07'), actor: 'stranger' },
    )
    const otherUnit = signed(
      'telegram.acknowledged',
      { telegramId: 't1' },
      { at: at('09:08'), actor: 'officer2' },
    )
    const extraField = signed(
      'telegram.acknowledged',
      { telegramId: 't1', body: '正文' },
      { at: at('09:09') },
    )
    const state = fold([received, wrongRole, forged, stranger, otherUnit, extraField])
    expect(state.alerts.map((a) => a.eventId)).toEqual([
      wrongRole.id,
      forged.id,
      stranger.id,
      otherUnit.id,
      extraField.id,
    ])
    expect(new Set(state.alerts.map((a) => a.kind)).size).toBeGreaterThan(2)
    expect(state.registers.telegram.telegrams.get('t1')?.acknowledgedAt).toBeNull()
  })

  it('checkEvent judges drafts of every register before signing, as the fold will', () => {
    const ctx = makeContext()
    const state = fold([registered])
    const ack = draftOf('telegram.acknowledged', { telegramId: 't1' }, { at: at('09:05') })
    expect(checkEvent(state, ack, ctx)).toMatchObject({ ok: false, error: { code: 'E-02' } })
    const receive = draftOf('telegram.received', receipt('t1', '2026-0001', at('09:00')), { at: at('09:00') })
    expect(checkEvent(state, receive, ctx)).toEqual({ ok: true, value: undefined })
    const byLeader = draftOf('telegram.received', receipt('t1', '2026-0001', at('09:00')), {
      at: at('09:00'),
      actor: 'leader1',
    })
    expect(checkEvent(state, byLeader, ctx)).toMatchObject({ ok: false, error: { code: 'AUTH-ROLE' } })
    const malformed = draftOf('telegram.received', { telegramId: 't1' }, { at: at('09:00') })
    expect(checkEvent(state, malformed, ctx)).toMatchObject({ ok: false, error: { code: 'EVT-MALFORMED' } })
    const smuggled = draftOf('telegram.acknowledged', { telegramId: 't1', body: '正文' }, { at: at('09:05') })
    expect(checkEvent(state, smuggled, ctx)).toMatchObject({ ok: false, error: { code: 'S-01' } })
    const later = fold([registered, received])
    expect(checkEvent(later, ack, ctx)).toEqual({ ok: true, value: undefined })
  })

  it('the county configures every register in one UnitPolicy (rule E-05 copying as the example)', () => {
    const copy = signed(
      'telegram.copy_requested',
      { telegramId: 't1', superiorApprovalRef: '县委机要局〔2026〕2号' },
      { at: at('09:10') },
    )
    const strict = fold([received, copy])
    expect(refusedCodes(strict)).toEqual(['E-05'])
    const policy = {
      ...DEFAULT_UNIT_POLICY,
      telegram: { ...DEFAULT_TELEGRAM_POLICY, allowCopyWithSuperiorApproval: true },
    }
    const allowed = foldUnitRegister([received, copy], makeContext({}, policy))
    expect(refusedCodes(allowed)).toEqual([])
    expect(allowed.registers.telegram.telegrams.get('t1')?.copies).toHaveLength(1)
  })

  it('every event type belongs to exactly one register, with a schema and signing roles', () => {
    const types = unitEventTypes(DEFAULT_UNIT_POLICY)
    expect(new Set(types).size).toBe(types.length)
    expect(types).toEqual(expect.arrayContaining([...Object.keys(carrierEventSchemas), 'telegram.received']))
    for (const type of types) {
      const definition = unitEventDefinition(type, DEFAULT_UNIT_POLICY)
      expect(definition?.roles.length, type).toBeGreaterThan(0)
    }
    expect(unitEventDefinition('telegram.burned', DEFAULT_UNIT_POLICY)).toBeUndefined()
    const slices = composeSlices(DEFAULT_UNIT_POLICY)
    expect(composeSlices(DEFAULT_UNIT_POLICY)).toBe(slices)
    expect(slices.names).toEqual(
      expect.arrayContaining(['classification', 'telegram', 'personnel', 'device']),
    )
  })

  it('earlier snapshots keep their registers when later events arrive', () => {
    const register = createUnitRegister(makeContext())
    const first = register.ingest([received])
    const second = register.ingest([acknowledged])
    expect(first.registers.telegram.telegrams.get('t1')?.acknowledgedAt).toBeNull()
    expect(second.registers.telegram.telegrams.get('t1')?.acknowledgedAt).toBe(at('09:05'))
  })

  it('replicas that ingest the same carrier and register events in any order and split agree', () => {
    const pool: EventEnvelope[] = [
      registered,
      received,
      acknowledged,
      signed('telegram.acknowledged', { telegramId: 't9' }, { at: at('09:02') }),
      signed('telegram.received', receipt('t2', '2026-0001', at('09:03')), { at: at('09:03') }),
      signed('telegram.handled', { telegramId: 't1' }, { at: at('09:30') }),
      signed('carrier.handed_out', { carrierId: 'c1', reader: '李镇长' }, { at: at('09:20') }),
    ]
    const expected = fold(pool)
    expect(refusedCodes(expected).sort()).toEqual(['E-02', 'E-02'])
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool, { minLength: pool.length }),
        fc.nat(pool.length),
        (order, cut) => {
          const register = createUnitRegister(makeContext())
          register.ingest(order.slice(0, cut))
          const state = register.ingest(order.slice(cut))
          expect(state.registers.telegram).toEqual(expected.registers.telegram)
          expect(state.refused).toEqual(expected.refused)
          expect(state.carriers).toEqual(expected.carriers)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('registers that hold carriers away (the carrier fold asks them)', () => {
  it('rule C-10: an archived carrier is not handed out, copied or destroyed; the refusal carries the archive', () => {
    const archived = signed(
      'custody.archived',
      { batchId: 'a1', archiveRef: '档〔2026〕1号', carrierIds: ['c1'] },
      { at: at('10:00') },
    )
    const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '李镇长' }, { at: at('10:05') })
    const state = fold([registered, archived, handOut])
    expect(state.refused).toEqual([
      expect.objectContaining({
        eventId: handOut.id,
        error: expect.objectContaining({ code: 'C-10', details: { carrierId: 'c1', holder: 'archive' } }),
      }),
    ])
    expect(state.carriers.get('c1')?.state).toBe('in_custody')
    const copy = draftOf('carrier.copied', copyPayload('c1', [{ id: 'c1f', copyNumber: 2 }]), {
      at: at('10:10'),
    })
    expect(checkEvent(fold([registered, archived]), copy, makeContext())).toMatchObject({
      ok: false,
      error: { code: 'C-10' },
    })
    expect(checkEvent(fold([registered]), copy, makeContext())).toEqual({ ok: true, value: undefined })
  })
})
