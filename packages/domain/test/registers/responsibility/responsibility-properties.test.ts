import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RegisterSlice, SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import { publicationSlice } from '../../../src/registers/publication/slice.ts'
import { responsibilitySlice } from '../../../src/registers/responsibility/slice.ts'
import { local } from '../../support/fixtures.ts'
import { foldSlice } from '../../support/slice-fold.ts'
import { MIN, P0, PUB_CTX, PUBLISH, pubEvent, reviewed, SUBMISSION } from '../publication/publication-fold.ts'
import { adoption, bookDraft, CTX, respEvent } from './responsibility-fold.ts'

const T0 = local('2026-01-05T09:00')
const H = 3_600_000

/** A pool hitting B-01..B-04, accepted and refused, with several events at the same instant. */
function responsibilityPool(): SliceEvent[] {
  const ev = respEvent()
  const b1 = bookDraft()
  const b2 = bookDraft({ bookId: 'b2', departmentSignerId: 'clerk' })
  return [
    ev('responsibility.template_adopted', adoption(), T0),
    ev('organisation.department_recorded', { departmentId: 'd1', name: '党政办' }, T0),
    ev('organisation.department_recorded', { departmentId: 'd2', name: '财政所' }, T0),
    ev('organisation.post_assigned', { post: 'first_responsible', userId: 'leader1' }, T0, 'leader1'),
    ev('organisation.post_assigned', { post: 'classifier', userId: 'head1' }, T0, 'leader1'),
    ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'head1' }, T0 + H),
    ev('responsibility.book_drafted', b1, T0 + 2 * H),
    ev('responsibility.book_drafted', bookDraft({ bookId: 'bx' }), T0 + 2 * H),
    ev('responsibility.book_signed', { bookId: 'b1', contentHash: b1.contentHash }, T0 + 3 * H, 'leader1'),
    ev('responsibility.book_signed', { bookId: 'b1', contentHash: b2.contentHash }, T0 + 3 * H, 'head1'),
    ev('responsibility.book_signed', { bookId: 'b1', contentHash: b1.contentHash }, T0 + 3 * H, 'head1'),
    ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'clerk' }, T0 + 4 * H),
    ev('responsibility.book_signed', { bookId: 'b1', contentHash: b1.contentHash }, T0 + 4 * H, 'clerk'),
    ev('responsibility.book_drafted', b2, T0 + 5 * H),
    ev('responsibility.book_signed', { bookId: 'b2', contentHash: b2.contentHash }, T0 + 5 * H, 'clerk'),
    ev('organisation.meeting_held', { meetingId: 'm1', heldOn: '2026-01-05', attendeeIds: ['leader1'] }, T0),
    ev('organisation.meeting_held', { meetingId: 'm2', heldOn: '2026-02-05', attendeeIds: ['leader1'] }, T0),
    ev('organisation.plan_filed', { year: 2026, documentRef: 'plan' }, T0 + H),
    ev('organisation.plan_filed', { year: 2026, documentRef: 'plan2' }, T0 + H),
  ]
}

/** A pool hitting R-01..R-06. */
function publicationPool(): SliceEvent[] {
  const ev = pubEvent()
  return [
    ...reviewed(ev),
    ev('publication.published', PUBLISH, P0 + 3 * MIN, 'clerk'),
    ev('publication.published', PUBLISH, P0 + 10 * MIN, 'clerk'),
    ev('publication.submitted', { ...SUBMISSION, itemId: 'i2' }, P0, 'clerk'),
    ev('publication.escalated', { itemId: 'i2', bureau: '县保密局' }, P0 + MIN, 'officer1'),
    ev(
      'publication.reviewed',
      { itemId: 'i2', capacity: 'section_head', decision: 'pass' },
      P0 + MIN,
      'head1',
    ),
    ev(
      'publication.bureau_replied',
      { itemId: 'i2', decision: 'not_publish', replyRef: '1号' },
      P0 + 2 * MIN,
    ),
    ev('publication.submitted', { ...SUBMISSION, itemId: 'i3' }, P0, 'clerk'),
    ev(
      'publication.withholding_proposed',
      { itemId: 'i3', kind: 'exempt', reason: '隐私' },
      P0 + MIN,
      'clerk',
    ),
    ev(
      'publication.withholding_confirmed',
      { itemId: 'i3', capacity: 'review_officer' },
      P0 + 2 * MIN,
      'officer1',
    ),
    ev(
      'publication.withholding_confirmed',
      { itemId: 'i3', capacity: 'responsible_leader' },
      P0 + 2 * MIN,
      'officer1',
    ),
    ev(
      'publication.withholding_confirmed',
      { itemId: 'i3', capacity: 'responsible_leader' },
      P0 + 2 * MIN,
      'leader1',
    ),
    ev('publication.published', { ...PUBLISH, itemId: 'i3' }, P0 + 1, 'clerk'),
    ev('publication.reviewed', { itemId: 'i2', capacity: 'classifier', decision: 'pass' }, P0, 'classifier1'),
    ev(
      'publication.leak_found',
      { incidentId: 'x1', foundAt: P0, location: 'web', level: 'secret' },
      P0 + 20 * MIN,
    ),
    ev('publication.leak_closed', { incidentId: 'x1', note: 'n' }, P0 + 21 * MIN),
    ev('publication.leak_taken_down', { incidentId: 'x1' }, P0 + 21 * MIN),
  ]
}

/** Every event id that any entry of the state records. */
function recordedIds(state: unknown): Set<string> {
  const ids = new Set<string>()
  const walk = (x: unknown): void => {
    if (x instanceof Map) for (const v of x.values()) walk(v)
    else if (Array.isArray(x)) for (const v of x) walk(v)
    else if (x !== null && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) {
        if (/(eventId|SignatureId)$/.test(k) && typeof v === 'string') ids.add(v)
        else walk(v)
      }
  }
  walk(state)
  return ids
}

function properties<W, S>(
  name: string,
  slice: RegisterSlice<W, S>,
  events: SliceEvent[],
  rules: string[],
  ctx: SliceContext = CTX,
) {
  describe(`${name} fold properties`, () => {
    const reference = foldSlice(slice, events, ctx)

    it(`${rules[0]} the pool exercises refusals of ${rules.join(', ')}`, () => {
      const refused = new Set(reference.refused.map((r) => r.error.code))
      for (const code of rules) expect(refused).toContain(code)
    })

    it(`${rules[0]} any permutation folds to deeply equal state and refusals; no refused event in state`, () => {
      fc.assert(
        fc.property(
          fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          (xs) => {
            const f = foldSlice(slice, xs, ctx)
            expect(f.state).toEqual(reference.state)
            expect(f.refused).toEqual(reference.refused)
            const recorded = recordedIds(f.state)
            for (const r of f.refused) expect(recorded.has(r.eventId)).toBe(false)
          },
        ),
        { numRuns: 150 },
      )
    })

    it(`${rules[0]} refusals never change state: folding only the accepted events gives the same state`, () => {
      const refused = new Set(reference.refused.map((r) => r.eventId))
      const only = foldSlice(
        slice,
        events.filter((e) => !refused.has(e.id)),
        ctx,
      )
      expect(only.refused).toEqual([])
      expect(only.state).toEqual(reference.state)
    })
  })
}

properties('responsibility', responsibilitySlice, responsibilityPool(), [
  'B-01',
  'B-02',
  'B-04',
  'ORG-EXISTS',
])
// The publication register's second review step reads the organisation posts (R-02, B-04).
properties(
  'publication',
  publicationSlice,
  publicationPool(),
  ['R-01', 'R-02', 'R-03', 'R-04', 'R-05', 'R-06'],
  PUB_CTX,
)
