import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DEFAULT_RESPONSIBILITY_POLICY, endOfMonthDay } from '../../../src/registers/responsibility/policy.ts'
import {
  bookFigures,
  bookReminders,
  booksToResign,
  departmentsWithoutBook,
} from '../../../src/registers/responsibility/queries.ts'
import { local } from '../../support/fixtures.ts'
import {
  adoption,
  bookDraft,
  codes,
  foldResponsibility,
  respEvent,
  townshipSetup,
} from './responsibility-fold.ts'

/** The book gaps of rules B-01 and B-02: reasons, the latest book, orders, due dates and re-signing. */

const T0 = local('2026-01-05T09:00')
const H = 3_600_000
const CAL = DEFAULT_CALENDAR
type Ev = ReturnType<typeof respEvent>

const fold = (events: readonly SliceEvent[]) => foldResponsibility(events)
const head = (ev: Ev, departmentId: string, userId: string, at: number) =>
  ev('organisation.department_head_recorded', { departmentId, userId }, at)
const draft = (ev: Ev, over: Parameters<typeof bookDraft>[0], at: number) =>
  ev('responsibility.book_drafted', bookDraft(over), at)

/** Both parties sign the book drafted with `over`. */
function signBoth(ev: Ev, over: Parameters<typeof bookDraft>[0], at: number): SliceEvent[] {
  const b = bookDraft(over)
  return [
    ev('responsibility.book_signed', { bookId: b.bookId, contentHash: b.contentHash }, at, b.unitSignerId),
    ev(
      'responsibility.book_signed',
      { bookId: b.bookId, contentHash: b.contentHash },
      at,
      b.departmentSignerId,
    ),
  ]
}

describe('departments without a book (B-01)', () => {
  it('B-01 each reason: no head, no book, unsigned (with the book), superseded; by department id', () => {
    const ev = respEvent()
    const f = fold([
      ev('responsibility.template_adopted', adoption(), T0),
      ev('organisation.department_recorded', { departmentId: 'd4', name: '无负责人' }, T0),
      ev('organisation.department_recorded', { departmentId: 'd3', name: '派出所' }, T0 + 1),
      ...townshipSetup(ev, T0 + 2).slice(1),
      head(ev, 'd3', 'clerk', T0 + 2 * H),
      draft(ev, {}, T0 + 3 * H),
      draft(ev, { bookId: 'b3', departmentId: 'd3', departmentSignerId: 'clerk' }, T0 + 3 * H),
      head(ev, 'd3', 'head1', T0 + 4 * H),
      draft(ev, { bookId: 'b1-2027', year: 2027 }, T0 + 5 * H),
    ])
    expect(codes(f)).toEqual([])
    expect(departmentsWithoutBook(f.state, 2026)).toEqual([
      { departmentId: 'd1', name: '党政办', reason: 'unsigned', bookId: 'b1' },
      { departmentId: 'd2', name: '财政所', reason: 'no_book', bookId: null },
      { departmentId: 'd3', name: '派出所', reason: 'superseded', bookId: 'b3' },
      { departmentId: 'd4', name: '无负责人', reason: 'no_head', bookId: null },
    ])
  })

  it('B-01 the latest book of a department and year decides the reason; a tie in time goes to the larger id', () => {
    // Three events at one instant: a book, a new head (superseding it), a book for the new head.
    const at = T0 + 2 * H
    const run = (first: string, second: string) => {
      const ev = respEvent()
      return fold([
        ...townshipSetup(ev, T0),
        draft(ev, { bookId: first }, at),
        head(ev, 'd1', 'clerk', at),
        draft(ev, { bookId: second, departmentSignerId: 'clerk' }, at),
      ])
    }
    const supersededLast = run('bz', 'ba')
    expect(codes(supersededLast)).toEqual([])
    expect(departmentsWithoutBook(supersededLast.state, 2026)[0]).toMatchObject({
      reason: 'superseded',
      bookId: 'bz',
    })
    expect(departmentsWithoutBook(run('ba', 'bz').state, 2026)[0]).toMatchObject({
      reason: 'unsigned',
      bookId: 'bz',
    })
  })

  it('B-01 a department closed in a year owes no book from that year on, but did the year before', () => {
    const ev = respEvent()
    const f = fold([
      ...townshipSetup(ev, local('2025-11-03T09:00')),
      ev('organisation.department_closed', { departmentId: 'd2' }, T0),
    ])
    expect(f.state.departments.get('d2')?.closedYear).toBe(2026)
    expect(departmentsWithoutBook(f.state, 2026).map((d) => d.departmentId)).toEqual(['d1'])
    expect(departmentsWithoutBook(f.state, 2025).map((d) => d.departmentId)).toEqual(['d1', 'd2'])
    expect(bookFigures(f.state, 2026)).toMatchObject({ departments: 1, missing: 1, inForce: 0 })
  })
})

describe('books to re-sign (B-02)', () => {
  it('B-02 listed until the same department has a book in force for that year; by time of change, then id', () => {
    const ev = respEvent()
    const change = local('2026-06-01T10:00')
    const events = [
      ...townshipSetup(ev, T0),
      draft(ev, { bookId: 'bz' }, T0 + 2 * H),
      draft(ev, { bookId: 'ba', departmentId: 'd2', departmentSignerId: 'head2' }, T0 + 2 * H),
      draft(ev, { bookId: 'b27', year: 2027 }, T0 + 2 * H),
      ev('organisation.post_assigned', { post: 'first_responsible', userId: 'leader2' }, change, 'leader1'),
      draft(
        ev,
        { bookId: 'b0', departmentId: 'd2', unitSignerId: 'leader2', departmentSignerId: 'head2' },
        change + H,
      ),
      head(ev, 'd2', 'clerk', change + 2 * H),
    ]
    const f = fold(events)
    expect(codes(f)).toEqual([])
    expect(booksToResign(f.state).map((b) => [b.bookId, b.year, b.reason, b.since])).toEqual([
      ['b27', 2027, 'first_responsible_changed', change],
      ['ba', 2026, 'first_responsible_changed', change],
      ['bz', 2026, 'first_responsible_changed', change],
      ['b0', 2026, 'department_head_changed', change + 2 * H],
    ])
    // A new d1 book in force for 2026 replaces bz only; d2's books stay listed.
    const again = { bookId: 'bz2', unitSignerId: 'leader2' }
    const g = fold([...events, draft(ev, again, change + 3 * H), ...signBoth(ev, again, change + 4 * H)])
    expect(codes(g)).toEqual([])
    expect(booksToResign(g.state).map((b) => b.bookId)).toEqual(['b27', 'ba', 'b0'])
    expect(bookFigures(g.state, 2026)).toEqual({
      year: 2026,
      departments: 2,
      inForce: 1,
      missing: 1,
      superseded: 3,
    })
    expect(bookFigures(g.state, 2027).superseded).toBe(1)
  })

  it('B-02 a signer change does not touch another department’s book, nor a book already superseded', () => {
    const ev = respEvent()
    const first = T0 + 3 * H
    const f = fold([
      ...townshipSetup(ev, T0),
      draft(ev, {}, T0 + 2 * H),
      draft(ev, { bookId: 'b2', departmentId: 'd2', departmentSignerId: 'head2' }, T0 + 2 * H),
      ...signBoth(ev, { bookId: 'b2', departmentId: 'd2', departmentSignerId: 'head2' }, T0 + 2 * H),
      head(ev, 'd1', 'clerk', first),
      ev(
        'organisation.post_assigned',
        { post: 'first_responsible', userId: 'leader2' },
        first + H,
        'leader1',
      ),
    ])
    expect(f.state.books.get('b1')).toMatchObject({
      supersededAt: first,
      supersededReason: 'department_head_changed',
    })
    expect(f.state.books.get('b2')).toMatchObject({
      supersededAt: first + H,
      supersededReason: 'first_responsible_changed',
    })
  })

  it('B-02 the first responsible person leaving and coming back, or other posts changing, is no change of signer', () => {
    const ev = respEvent()
    const f = fold([
      ...townshipSetup(ev, T0),
      draft(ev, {}, T0 + 2 * H),
      ...signBoth(ev, {}, T0 + 2 * H),
      ev(
        'organisation.post_assigned',
        { post: 'responsible_leader', userId: 'leader2' },
        T0 + 3 * H,
        'leader1',
      ),
      ev('organisation.post_assigned', { post: 'group_member', userId: 'head2' }, T0 + 3 * H, 'leader1'),
      ev(
        'organisation.post_vacated',
        { post: 'first_responsible', userId: 'leader1' },
        T0 + 3 * H,
        'leader1',
      ),
      ev(
        'organisation.post_assigned',
        { post: 'first_responsible', userId: 'leader1' },
        T0 + 4 * H,
        'leader1',
      ),
    ])
    expect(codes(f)).toEqual([])
    expect(f.state.books.get('b1')?.supersededAt).toBeNull()
    expect(departmentsWithoutBook(f.state, 2026).map((d) => d.departmentId)).toEqual(['d2'])
  })
})

describe('book reminders (B-01, B-02)', () => {
  const yearDue = endOfMonthDay(2026, DEFAULT_RESPONSIBILITY_POLICY.bookDue, CAL)

  it('B-01 due at the last instant of 31 March: not overdue at it, overdue one ms after', () => {
    const { state } = fold(townshipSetup(respEvent(), T0))
    expect(
      bookReminders(state, 2026, yearDue, CAL).map((r) => [r.rule, r.reason, r.dueAt, r.overdue]),
    ).toEqual([
      ['B-01', 'no_book', yearDue, false],
      ['B-01', 'no_book', yearDue, false],
    ])
    expect(bookReminders(state, 2026, yearDue + 1, CAL).map((r) => r.overdue)).toEqual([true, true])
  })

  it('B-02 a signer changed before the book date is due by that date; the policy sets the date', () => {
    const ev = respEvent()
    const feb = local('2026-02-10T10:00')
    const { state } = fold([
      ...townshipSetup(ev, T0),
      draft(ev, {}, T0 + 2 * H),
      head(ev, 'd1', 'clerk', feb),
    ])
    expect(bookReminders(state, 2026, feb + 1, CAL)[0]).toEqual({
      rule: 'B-02',
      departmentId: 'd1',
      reason: 'superseded',
      dueAt: yearDue,
      overdue: false,
    })
    const policy = { ...DEFAULT_RESPONSIBILITY_POLICY, bookDue: { month: 1, day: 31 } }
    const janDue = local('2026-02-01T00:00') - 1
    expect(bookReminders(state, 2026, feb + 1, CAL, policy).map((r) => [r.rule, r.dueAt, r.overdue])).toEqual(
      [
        ['B-02', feb, true],
        ['B-01', janDue, true],
      ],
    )
  })
})
