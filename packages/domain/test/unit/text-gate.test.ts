import { describe, expect, it } from 'vitest'
import { screeningTextHash } from '../../src/unit/text-gate.ts'
import {
  check,
  fold,
  makeContext,
  refusal,
  refusedCodes,
  registration,
  signed,
  T,
} from '../support/fixtures.ts'

/** Rule S-03 at the gate: a marked note in any register is refused in the fold unless an officer overrode it. */

const D = T.tuesday
const MARKED = '已将机密★5年文件收回'
const opened = signed(
  'incident.opened',
  { incidentId: 'x1', kind: 'loss', discoveredAt: D, carrierRefs: ['2026-0001'] },
  { at: D },
)
const remedied = (note: string, at = D + 60_000) =>
  signed('incident.remedied', { incidentId: 'x1', note }, { at })
const override = (
  text: string,
  actor: 'officer1' | 'leader1' | 'chief1' = 'officer1',
  reason = '引用原件标志，须保留',
) =>
  signed(
    'screening.override_recorded',
    { textHashes: [screeningTextHash(text)], reason },
    { at: D + 30_000, actor },
  )

describe('free text screened in the unit fold (rule S-03)', () => {
  it('rule S-03: a note carrying a classification marking is refused in any register, and nothing is stored', () => {
    const state = fold([opened, remedied(MARKED)])
    expect(refusedCodes(state)).toEqual(['S-03'])
    expect(state.refused[0]?.error.details).toMatchObject({ field: 'note' })
    expect(state.registers.incident.incidents.get('x1')?.remedies).toEqual([])
    expect(refusedCodes(fold([opened, remedied('已收回，未扩散')]))).toEqual([])
  })

  it("rule S-03: the unit's sensitive-word list is screened too", () => {
    const ctx = makeContext({}, { screening: { sensitiveWords: ['演习方案'] } })
    expect(refusedCodes(fold([opened, remedied('找回演习方案一份')], ctx))).toEqual(['S-03'])
    expect(refusedCodes(fold([opened, remedied('找回演习方案一份')]))).toEqual([])
  })

  it("rule S-03: an officer's override, a signed event with a reason, lets exactly that text through", () => {
    const kept = fold([opened, override(MARKED), remedied(MARKED)])
    expect(refusedCodes(kept)).toEqual([])
    expect(kept.registers.screening.overrides.get(screeningTextHash(MARKED))).toMatchObject({
      by: 'officer1',
      reason: '引用原件标志，须保留',
    })
    expect(kept.registers.incident.incidents.get('x1')?.remedies).toHaveLength(1)
    // Another text is not covered, and an override recorded after the event does not reach back.
    expect(refusedCodes(fold([opened, override(MARKED), remedied(`${MARKED}。`)]))).toEqual(['S-03'])
    const late = signed(
      'screening.override_recorded',
      { textHashes: [screeningTextHash(MARKED)], reason: '引用原件标志，须保留' },
      { at: D + 120_000 },
    )
    expect(refusedCodes(fold([opened, remedied(MARKED), late]))).toEqual(['S-03'])
  })

  it('rule S-03: only the officer overrides, with a reason of four letters or more that is itself clean', () => {
    const byLeader = fold([opened, override(MARKED, 'leader1'), remedied(MARKED)])
    expect(byLeader.alerts.length).toBe(1)
    expect(refusedCodes(byLeader)).toEqual(['S-03'])
    expect(refusedCodes(fold([opened, override(MARKED, 'officer1', '须留'), remedied(MARKED)]))).toEqual([
      'S-03',
      'S-03',
    ])
    const dirtyReason = fold([
      opened,
      override(MARKED, 'officer1', '原件为绝密★长期，照录'),
      remedied(MARKED),
    ])
    expect(refusedCodes(dirtyReason)).toEqual(['S-03', 'S-03'])
  })

  it('rule S-03: checkEvent refuses the draft before it is signed, in the carrier register and in the others', () => {
    const r = check([opened], 'incident.remedied', { incidentId: 'x1', note: MARKED }, { at: D + 60_000 })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('S-03')
    expect(!r.ok && r.error.message.zh).toMatch(/^note：/)
    expect(
      refusal(
        check(
          [opened, override(MARKED)],
          'incident.remedied',
          { incidentId: 'x1', note: MARKED },
          { at: D + 60_000 },
        ),
      ),
    ).toBeNull()
    // The carrier register's free text (issuer here) goes through the same gate.
    const issuer = registration({ issuer: '机密★县委办公室' })
    expect(refusal(check([], 'carrier.registered', issuer, { at: T.morning }))).toBe('S-03')
    const folded = fold([signed('carrier.registered', issuer, { at: T.morning })])
    expect(refusedCodes(folded)).toEqual(['S-03'])
    expect(folded.carriers.size).toBe(0)
  })
})
