import { expect } from 'vitest'
import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import type { SliceEvent } from '../../src/core/register-slice.ts'
import {
  fold,
  local,
  makeContext,
  refusedCodes,
  registration,
  signed,
  type TestActor,
} from '../support/fixtures.ts'

/** Histories for the unit agenda tests: signed events folded by the unit fold, on Monday 2 March 2026. */

export const agendaContext = makeContext()

export const at = (hhmm: string) => local(`2026-03-02T${hhmm}`)

/** The unit fold of a history that must not refuse anything. */
export function validHistory(events: readonly EventEnvelope[]) {
  const state = fold(events, agendaContext)
  expect(refusedCodes(state)).toEqual([])
  return state
}

/** Slice-test events signed for the unit fold; a payload string naming an earlier event follows its new id. */
export function signedForUnit(events: readonly SliceEvent[]): EventEnvelope[] {
  const ids = new Map<string, string>()
  return events.map((e) => {
    const payload = Object.fromEntries(
      Object.entries(e.payload as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? (ids.get(v) ?? v) : v,
      ]),
    )
    const s = signed(e.type, payload as never, { at: e.atMs, actor: e.actor as TestActor })
    ids.set(e.id, s.id)
    return s
  })
}

export const registered = signed('carrier.registered', registration(), { at: at('08:00') })
export const registered2 = signed(
  'carrier.registered',
  registration({
    serial: '2026-0002',
    docNumber: '县委办〔2026〕4号',
    copies: [{ id: 'c2', copyNumber: 1 }],
  }),
  { at: at('08:01') },
)

/**
 * rule B-04: the organisation posts the histories' approvals read at their time (the 主要领导 leader1
 * signs outgoing documents, books and determinations; classifier1 is the unit's 定密责任人).
 */
export function organisationPosts(atMs: number): EventEnvelope[] {
  return [
    signed('organisation.post_assigned', { post: 'first_responsible', userId: 'leader1' }, { at: atMs }),
    signed('organisation.post_assigned', { post: 'classifier', userId: 'classifier1' }, { at: atMs + 1 }),
  ]
}
