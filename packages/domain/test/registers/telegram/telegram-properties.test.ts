import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { local } from '../../support/fixtures.ts'
import { eventBuilder, foldTelegrams, receipt } from './telegram-fold.ts'

const MIN = 60_000
const R = local('2026-03-02T09:00')

/** A pool hitting every E rule, accepted and refused, with some events at the same instant. */
function pool(): SliceEvent[] {
  const ev = eventBuilder()
  return [
    ev('telegram.duty_head_designated', { userId: 'chief1' }, R - MIN, 'leader1'),
    ev('telegram.excerpter_designated', { userId: 'officer1' }, R - MIN, 'leader1'),
    ev('telegram.received', receipt({ receivedAt: R, precedence: 'very_urgent', earlyWarning: true }), R),
    ev('telegram.received', receipt({ telegramId: 't2', serial: '2026-0002', receivedAt: R }), R),
    ev('telegram.received', receipt({ telegramId: 't3', receivedAt: R }), R + MIN),
    ev('telegram.acknowledged', { telegramId: 't1' }, R + 5 * MIN),
    ev('telegram.acknowledged', { telegramId: 't2' }, R + 20 * MIN),
    ev('telegram.handled', { telegramId: 't1' }, R + 6 * MIN),
    ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + 7 * MIN),
    ev('telegram.head_present', { telegramId: 't1' }, R + 8 * MIN),
    ev('telegram.head_present', { telegramId: 't1' }, R + 9 * MIN, 'chief1'),
    ev('telegram.handled', { telegramId: 't1' }, R + 30 * MIN),
    ev('telegram.handled', { telegramId: 't1' }, R + 31 * MIN),
    ev('telegram.excerpted', { telegramId: 't2', excerptId: 'x1' }, R + 10 * MIN),
    ev('telegram.excerpted', { telegramId: 't2', excerptId: 'x2' }, R + 10 * MIN, 'chief1'),
    ev('telegram.copy_requested', { telegramId: 't2', superiorApprovalRef: 'ref' }, R + 11 * MIN),
    ev('telegram.carry_out_requested', { telegramId: 't2', mode: 'carry_out' }, R + 11 * MIN),
    ev(
      'telegram.sent',
      {
        telegramId: 's1',
        serial: '2026-0001',
        toUnit: '县委机要局',
        docNumber: '',
        level: 'secret',
        precedence: 'routine',
        channel: 'plain',
        replyTo: 't2',
        sentAt: R + 12 * MIN,
      },
      R + 12 * MIN,
    ),
    ev(
      'telegram.sent',
      {
        telegramId: 's2',
        serial: '2026-0001',
        toUnit: '县委机要局',
        docNumber: '',
        level: 'secret',
        precedence: 'routine',
        channel: 'cipher',
        replyTo: 't2',
        sentAt: R + 12 * MIN,
      },
      R + 12 * MIN,
    ),
  ]
}

describe('telegram fold properties', () => {
  const events = pool()
  const reference = foldTelegrams(events)

  it('E-02 the pool exercises refusals of every E rule', () => {
    const refusedCodes = new Set(reference.refused.map((r) => r.error.code))
    for (const code of ['E-02', 'E-03', 'E-04', 'E-05', 'E-06']) expect(refusedCodes).toContain(code)
    expect(reference.state.telegrams.get('t1')?.state).toBe('handled')
  })

  it('E-02 any permutation of the same events folds to deeply equal state; no refused event in state', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const fold = foldTelegrams(shuffled)
          expect(fold.state).toEqual(reference.state)
          expect(fold.refused).toEqual(reference.refused)
          const refused = new Set(fold.refused.map((r) => r.eventId))
          for (const t of fold.state.telegrams.values()) {
            expect(refused.has(t.eventId)).toBe(false)
            for (const c of t.copies) expect(refused.has(c.eventId)).toBe(false)
          }
          const refusedExcerpts = events
            .filter((e) => refused.has(e.id) && e.type === 'telegram.excerpted')
            .map((e) => (e.payload as { excerptId: string }).excerptId)
          const kept = [...fold.state.telegrams.values()].flatMap((t) => t.excerpts.map((x) => x.excerptId))
          for (const x of refusedExcerpts) expect(kept).not.toContain(x)
        },
      ),
      { numRuns: 200 },
    )
  })
})
