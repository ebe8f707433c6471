import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import {
  bookFigures,
  bookReminders,
  booksToResign,
  departmentsWithoutBook,
} from '../../../src/registers/responsibility/queries.ts'
import { responsibilitySlice } from '../../../src/registers/responsibility/slice.ts'
import { isBookInForce } from '../../../src/registers/responsibility/state.ts'
import { local } from '../../support/fixtures.ts'
import {
  adoption,
  bookDraft,
  COUNTY_CTX,
  CTX,
  codes,
  foldResponsibility,
  respEvent,
  TEMPLATE,
} from './responsibility-fold.ts'

const T0 = local('2026-01-05T09:00')
const H = 3_600_000
const DAY = 24 * H

function setup(ev = respEvent()): { ev: ReturnType<typeof respEvent>; base: SliceEvent[] } {
  return {
    ev,
    base: [
      ev('responsibility.template_adopted', adoption(), T0),
      ev('organisation.department_recorded', { departmentId: 'd1', name: '党政办' }, T0),
      ev('organisation.department_recorded', { departmentId: 'd2', name: '财政所' }, T0),
      ev('organisation.post_assigned', { post: 'first_responsible', userId: 'leader1' }, T0 + H, 'leader1'),
      ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'head1' }, T0 + H),
      ev('organisation.department_head_recorded', { departmentId: 'd2', userId: 'head2' }, T0 + H),
    ],
  }
}

const fold = (events: readonly SliceEvent[]) => foldResponsibility(events)

/** The events a fold accepted: folding only them must give the same state (refusals change nothing). */
function accepted(events: readonly SliceEvent[]): SliceEvent[] {
  const refused = new Set(fold(events).refused.map((r) => r.eventId))
  return events.filter((e) => !refused.has(e.id))
}

function signedBook(): { ev: ReturnType<typeof respEvent>; events: SliceEvent[] } {
  const { ev, base } = setup()
  const draft = bookDraft()
  return {
    ev,
    events: [
      ...base,
      ev('responsibility.book_drafted', draft, T0 + 2 * H),
      ev(
        'responsibility.book_signed',
        { bookId: 'b1', contentHash: draft.contentHash },
        T0 + 3 * H,
        'leader1',
      ),
      ev('responsibility.book_signed', { bookId: 'b1', contentHash: draft.contentHash }, T0 + 4 * H, 'head1'),
    ],
  }
}

describe('responsibility books', () => {
  it('B-01 a book signed online by both parties is in force; the query lists departments still without one', () => {
    const { ev, base } = setup()
    const draft = bookDraft()
    const drafted = fold([...base, ev('responsibility.book_drafted', draft, T0 + 2 * H)])
    expect(departmentsWithoutBook(drafted.state, 2026).map((d) => [d.departmentId, d.reason])).toEqual([
      ['d1', 'unsigned'],
      ['d2', 'no_book'],
    ])
    const { events } = signedBook()
    const signed = fold(events)
    expect(codes(signed)).toEqual([])
    const book = signed.state.books.get('b1')
    expect(book && isBookInForce(book)).toBe(true)
    expect(book?.unitSignatureId).toBe(events.at(-2)?.id)
    expect(book?.departmentSignatureId).toBe(events.at(-1)?.id)
    expect(departmentsWithoutBook(signed.state, 2026).map((d) => d.departmentId)).toEqual(['d2'])
    expect(departmentsWithoutBook(signed.state, 2027).map((d) => d.reason)).toEqual(['no_book', 'no_book'])
    expect(bookFigures(signed.state, 2026)).toEqual({
      year: 2026,
      departments: 2,
      inForce: 1,
      missing: 1,
      superseded: 0,
    })
  })

  it('B-01 refuses a signature over a different hash, and the refusal changes nothing', () => {
    const { ev, base } = setup()
    const draft = bookDraft()
    const other = bookDraft({ departmentSignerId: 'head2' }).contentHash
    const events = [
      ...base,
      ev('responsibility.book_drafted', draft, T0 + 2 * H),
      ev('responsibility.book_signed', { bookId: 'b1', contentHash: other }, T0 + 3 * H, 'leader1'),
    ]
    const f = fold(events)
    expect(codes(f)).toEqual(['B-01'])
    expect(f.state.books.get('b1')?.unitSignedAt).toBeNull()
    expect(f.state).toEqual(fold(accepted(events)).state)
  })

  it('B-01 only the named signers sign, each once, and not after the book year', () => {
    const { ev, events } = signedBook()
    const hash = bookDraft().contentHash
    const f = fold([
      ...events.slice(0, -1),
      ev('responsibility.book_signed', { bookId: 'b1', contentHash: hash }, T0 + 5 * H, 'leader2'),
      ev('responsibility.book_signed', { bookId: 'b1', contentHash: hash }, T0 + 6 * H, 'leader1'),
      ev(
        'responsibility.book_signed',
        { bookId: 'b1', contentHash: hash },
        local('2027-01-04T09:00'),
        'head1',
      ),
      ev('responsibility.book_signed', { bookId: 'nope', contentHash: hash }, T0 + 7 * H, 'head1'),
    ])
    expect(codes(f)).toEqual(['B-01', 'B-01', 'B-01', 'B-01'])
    expect(f.state.books.get('b1')?.departmentSignedAt).toBeNull()
  })

  it('B-01 refuses drafts naming the wrong signers, a wrong hash, a past year or a second book', () => {
    const { ev, base } = setup()
    const badHash = { ...bookDraft({ bookId: 'b5' }), contentHash: 'a'.repeat(64) }
    const f = fold([
      ...base,
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b2', unitSignerId: 'leader2' }), T0 + 2 * H),
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b3', departmentSignerId: 'head2' }), T0 + 2 * H),
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b4', year: 2025 }), T0 + 2 * H),
      ev('responsibility.book_drafted', badHash, T0 + 2 * H),
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b6', departmentId: 'dx' }), T0 + 2 * H),
      ev('responsibility.book_drafted', bookDraft(), T0 + 3 * H),
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b7' }), T0 + 4 * H),
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b8', year: 2027 }), T0 + 4 * H),
    ])
    expect(codes(f)).toEqual(['B-01', 'B-01', 'B-01', 'B-01', 'B-01', 'B-01'])
    expect([...f.state.books.keys()]).toEqual(['b1', 'b8'])
  })

  it('B-01 the first responsible person heading a department does not sign its book with themself (four eyes)', () => {
    const { ev, base } = setup()
    const self = bookDraft({ departmentSignerId: 'leader1' })
    const f = fold([
      ...base,
      ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'leader1' }, T0 + 2 * H),
      ev('responsibility.book_drafted', self, T0 + 3 * H),
    ])
    expect(codes(f)).toEqual(['B-01'])
    expect(f.refused[0]?.error.details).toEqual({
      person: 'leader1',
      parts: ["unit's signer", "department's signer"],
    })
    expect(f.state.books.size).toBe(0)
  })

  it('B-01 bookReminders: overdue after the policy date (31 March), not before', () => {
    const { state } = fold(setup().base)
    const before = bookReminders(state, 2026, local('2026-03-31T23:00'), DEFAULT_CALENDAR)
    expect(before.map((r) => [r.rule, r.departmentId, r.overdue])).toEqual([
      ['B-01', 'd1', false],
      ['B-01', 'd2', false],
    ])
    const after = bookReminders(state, 2026, local('2026-04-01T00:00'), DEFAULT_CALENDAR)
    expect(after.every((r) => r.overdue && r.dueAt === local('2026-04-01T00:00') - 1)).toBe(true)
  })
})

describe('responsibility books: signer changes', () => {
  it('B-02 a new department head supersedes the book; the old one stops counting and cannot be signed', () => {
    const { ev, events } = signedBook()
    const change = local('2026-06-01T10:00')
    const f = fold([
      ...events,
      ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'clerk' }, change),
      ev(
        'responsibility.book_signed',
        { bookId: 'b1', contentHash: bookDraft().contentHash },
        change + H,
        'clerk',
      ),
    ])
    expect(codes(f)).toEqual(['B-02'])
    const b1 = f.state.books.get('b1')
    expect(b1?.supersededAt).toBe(change)
    expect(b1?.supersededReason).toBe('department_head_changed')
    expect(b1 && isBookInForce(b1)).toBe(false)
    expect(departmentsWithoutBook(f.state, 2026).find((d) => d.departmentId === 'd1')?.reason).toBe(
      'superseded',
    )
    expect(booksToResign(f.state)).toEqual([
      { bookId: 'b1', departmentId: 'd1', year: 2026, reason: 'department_head_changed', since: change },
    ])
    const reminder = bookReminders(f.state, 2026, change + 1, DEFAULT_CALENDAR).find(
      (r) => r.departmentId === 'd1',
    )
    expect(reminder).toMatchObject({ rule: 'B-02', dueAt: change, overdue: true })

    const draft = bookDraft({ bookId: 'b1b', departmentSignerId: 'clerk' })
    const resigned = fold([
      ...events,
      ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'clerk' }, change),
      ev('responsibility.book_drafted', draft, change + H),
      ev(
        'responsibility.book_signed',
        { bookId: 'b1b', contentHash: draft.contentHash },
        change + 2 * H,
        'leader1',
      ),
      ev(
        'responsibility.book_signed',
        { bookId: 'b1b', contentHash: draft.contentHash },
        change + 3 * H,
        'clerk',
      ),
    ])
    expect(codes(resigned)).toEqual([])
    expect(booksToResign(resigned.state)).toEqual([])
    expect(departmentsWithoutBook(resigned.state, 2026).map((d) => d.departmentId)).toEqual(['d2'])
  })

  it('B-02 a new first responsible person supersedes the year’s books, not past years’', () => {
    const { ev, base } = setup()
    const old = local('2025-12-20T10:00')
    const d2026 = bookDraft()
    const d2025 = bookDraft({ bookId: 'old', year: 2025 })
    const events = [
      ...base.map((e) => ({ ...e, atMs: e.atMs - 30 * DAY })),
      ev('responsibility.book_drafted', d2025, old),
      ev('responsibility.book_signed', { bookId: 'old', contentHash: d2025.contentHash }, old + H, 'leader1'),
      ev('responsibility.book_signed', { bookId: 'old', contentHash: d2025.contentHash }, old + H, 'head1'),
      ev('responsibility.book_drafted', d2026, old + 2 * H),
      ev(
        'responsibility.book_signed',
        { bookId: 'b1', contentHash: d2026.contentHash },
        old + 3 * H,
        'leader1',
      ),
      ev('organisation.post_assigned', { post: 'first_responsible', userId: 'leader2' }, T0, 'leader1'),
    ]
    const f = fold(events)
    expect(codes(f)).toEqual([])
    expect(f.state.books.get('b1')?.supersededReason).toBe('first_responsible_changed')
    expect(f.state.books.get('old')?.supersededAt).toBeNull()
    expect(departmentsWithoutBook(f.state, 2025).map((d) => d.departmentId)).toEqual(['d2'])
  })

  it('B-02 recording the same head again is not a change', () => {
    const { ev, events } = signedBook()
    const f = fold([
      ...events,
      ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'head1' }, T0 + DAY),
    ])
    expect(codes(f)).toEqual(['ORG-UNCHANGED'])
    expect(f.state.books.get('b1')?.supersededAt).toBeNull()
  })
})

describe('responsibility templates', () => {
  it('B-03 a book must reference a recorded template version', () => {
    const { ev, base } = setup()
    const f = fold([
      ...base,
      ev('responsibility.book_drafted', bookDraft({ templateVersion: 2 }), T0 + 2 * H),
    ])
    expect(codes(f)).toEqual(['B-03'])
    expect(f.state.books.size).toBe(0)
  })

  it('B-03 an adopted copy whose content does not match its hash is refused', () => {
    const ev = respEvent()
    const altered = { ...adoption(), template: { ...TEMPLATE, penalties: ['无'] } }
    const f = fold([ev('responsibility.template_adopted', altered, T0)])
    expect(codes(f)).toEqual(['B-03'])
    expect(f.state.templates.size).toBe(0)
  })

  it('B-03 the county publishes versions that only go up; a township cannot publish', () => {
    const ev = respEvent()
    const county = foldResponsibility(
      [
        ev('responsibility.template_published', TEMPLATE, T0, 'county1'),
        ev('responsibility.template_published', TEMPLATE, T0 + H, 'county1'),
        ev('responsibility.template_published', { ...TEMPLATE, version: 2 }, T0 + 2 * H, 'county1'),
      ],
      responsibilitySlice,
      COUNTY_CTX,
    )
    expect(codes(county)).toEqual(['B-03'])
    expect([...county.state.templates.keys()]).toEqual(['county-book@1', 'county-book@2'])
    expect(county.state.templates.get('county-book@1')?.contentHash).toBe(adoption().contentHash)
    const township = foldResponsibility(
      [ev('responsibility.template_published', TEMPLATE, T0)],
      responsibilitySlice,
      CTX,
    )
    expect(codes(township)).toEqual(['ROLE'])
  })
})
