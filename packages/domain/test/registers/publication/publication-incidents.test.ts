import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import {
  lateLeakDeadlines,
  leakDeadlinesDueSoon,
  overdueLeakDeadlines,
  publicationFigures,
} from '../../../src/registers/publication/queries.ts'
import { local } from '../../support/fixtures.ts'
import { codes } from '../responsibility/responsibility-fold.ts'
import { foldPublication, itemSteps, MIN, P0, pubEvent, reviewed, SUBMISSION } from './publication-fold.ts'

/** Leak incidents: steps, deadlines and the year's figures. */

const H = 60 * MIN

type Ev = ReturnType<typeof pubEvent>
const submit = (ev: Ev, itemId: string, atMs: number) =>
  ev('publication.submitted', { ...SUBMISSION, itemId }, atMs, 'clerk')
const found = (ev: Ev, incidentId: string, foundAt: number, itemId?: string) =>
  ev(
    'publication.leak_found',
    {
      incidentId,
      foundAt,
      location: '门户网站',
      level: 'secret',
      ...(itemId === undefined ? {} : { itemId }),
    },
    foundAt,
    'officer1',
  )
type LeakStep =
  | 'publication.leak_taken_down'
  | 'publication.leak_traced'
  | 'publication.leak_reported'
  | 'publication.leak_closed'
/** One step of incident `incidentId`, with the payload its type needs. */
function step(ev: Ev, type: LeakStep, incidentId: string, atMs: number): SliceEvent {
  switch (type) {
    case 'publication.leak_taken_down':
      return ev(type, { incidentId }, atMs, 'officer1')
    case 'publication.leak_reported':
      return ev(type, { incidentId, reportRef: '镇保报1号' }, atMs, 'officer1')
    default:
      return ev(type, { incidentId, note: '已处理' }, atMs, 'officer1')
  }
}

describe('leak incidents (rule R-06)', () => {
  it('rule R-06: a finding records where, what level, when found and when registered, and its item', () => {
    const ev = pubEvent()
    const f = foldPublication([
      ev('publication.submitted', SUBMISSION, P0, 'clerk'),
      ev(
        'publication.leak_found',
        {
          incidentId: 'x1',
          foundAt: P0 + MIN,
          location: '公众号/第3条',
          level: 'confidential',
          itemId: 'i1',
        },
        P0 + 5 * MIN,
        'officer1',
      ),
    ])
    expect(f.state.incidents.get('x1')).toEqual({
      id: 'x1',
      eventId: 'p002',
      foundAt: P0 + MIN,
      recordedAt: P0 + 5 * MIN,
      location: '公众号/第3条',
      level: 'confidential',
      itemId: 'i1',
      takenDownAt: null,
      tracedAt: null,
      reportedAt: null,
      reportRef: null,
      closedAt: null,
    })
  })

  it('rule R-06: tracing and reporting are recorded once each', () => {
    const ev = pubEvent()
    const f = foldPublication([
      found(ev, 'x1', P0),
      step(ev, 'publication.leak_traced', 'x1', P0 + MIN),
      step(ev, 'publication.leak_traced', 'x1', P0 + 2 * MIN),
      step(ev, 'publication.leak_reported', 'x1', P0 + 3 * MIN),
      step(ev, 'publication.leak_reported', 'x1', P0 + 4 * MIN),
    ])
    expect(codes(f)).toEqual(['PUB-EXISTS', 'PUB-EXISTS'])
    expect(f.state.incidents.get('x1')).toMatchObject({
      itemId: null,
      tracedAt: P0 + MIN,
      reportedAt: P0 + 3 * MIN,
      reportRef: '镇保报1号',
      takenDownAt: null,
    })
  })

  it.each<[LeakStep, LeakStep[]]>([
    ['publication.leak_taken_down', ['publication.leak_traced', 'publication.leak_reported']],
    ['publication.leak_traced', ['publication.leak_taken_down', 'publication.leak_reported']],
    ['publication.leak_reported', ['publication.leak_taken_down', 'publication.leak_traced']],
  ])('rule R-06: closing is refused while %s is missing', (_missing, done) => {
    const ev = pubEvent()
    const f = foldPublication([
      found(ev, 'x1', P0),
      ...done.map((type, k) => step(ev, type, 'x1', P0 + (k + 1) * MIN)),
      step(ev, 'publication.leak_closed', 'x1', P0 + 10 * MIN),
    ])
    expect(codes(f)).toEqual(['R-06'])
    expect(f.state.incidents.get('x1')?.closedAt).toBeNull()
  })

  it('rule R-06: deadlines are listed by due time, then incident id, then kind; met ones drop out', () => {
    const ev = pubEvent()
    const f = foldPublication([
      found(ev, 'b', P0),
      found(ev, 'a', P0),
      found(ev, 'c', P0 - 23 * H),
      step(ev, 'publication.leak_taken_down', 'c', P0 - 23 * H + MIN),
      step(ev, 'publication.leak_taken_down', 'b', P0 + H),
    ])
    const kinds = (list: readonly { incidentId: string; kind: string }[]) =>
      list.map((d) => [d.incidentId, d.kind])
    expect(kinds(leakDeadlinesDueSoon(f.state, P0, H))).toEqual([
      ['a', 'take_down'],
      ['c', 'report'],
    ])
    expect(kinds(leakDeadlinesDueSoon(f.state, P0 + H, 0))).toEqual([
      ['a', 'take_down'],
      ['c', 'report'],
    ])
    expect(leakDeadlinesDueSoon(f.state, P0 + 1, H - 2)).toEqual([])
    expect(leakDeadlinesDueSoon(f.state, P0 + H + 1, 23 * H - 2)).toEqual([])
    expect(kinds(overdueLeakDeadlines(f.state, P0 + 24 * H))).toEqual([
      ['a', 'take_down'],
      ['c', 'report'],
    ])
    const same = { takeDownWithinMs: H, reportWithinMs: H }
    expect(kinds(overdueLeakDeadlines(f.state, P0 + H + 1, same))).toEqual([
      ['c', 'report'],
      ['a', 'report'],
      ['a', 'take_down'],
      ['b', 'report'],
    ])
    const stricter = { takeDownWithinMs: H - 1, reportWithinMs: 24 * H }
    expect(kinds(lateLeakDeadlines(f.state, stricter))).toEqual([['b', 'take_down']])
    expect(lateLeakDeadlines(f.state)).toEqual([])
  })

  it('rule R-06: a report exactly 24 hours after the finding is on time; the year counts by local date', () => {
    const ev = pubEvent()
    const newYear = local('2027-01-01T00:00')
    const f = foldPublication([
      found(ev, 'x1', newYear - 1),
      step(ev, 'publication.leak_reported', 'x1', newYear - 1 + 24 * H),
      found(ev, 'x2', newYear),
      step(ev, 'publication.leak_reported', 'x2', newYear + 24 * H + 1),
      submit(ev, 'i2026', newYear - 1),
      submit(ev, 'i2027', newYear),
    ])
    expect(lateLeakDeadlines(f.state).map((d) => d.incidentId)).toEqual(['x2'])
    const y2026 = publicationFigures(f.state, 2026, DEFAULT_CALENDAR)
    expect(y2026).toMatchObject({ submitted: 1, leaks: 1, leaksReportedLate: 0 })
    expect(publicationFigures(f.state, 2027, DEFAULT_CALENDAR)).toMatchObject({
      submitted: 1,
      leaks: 1,
      leaksReportedLate: 1,
    })
  })
})

describe('the year’s figures', () => {
  it('rule R-05: withheld, escalated, returned and published items are each counted apart', () => {
    const ev = pubEvent()
    const s = itemSteps(ev)
    const f = foldPublication([
      ...reviewed(ev),
      s.publish(P0 + 10 * MIN),
      submit(ev, 'r1', P0),
      ev(
        'publication.reviewed',
        { itemId: 'r1', capacity: 'section_head', decision: 'return' },
        P0 + MIN,
        'head1',
      ),
      submit(ev, 'e1', P0),
      submit(ev, 'e2', P0),
      ev('publication.escalated', { itemId: 'e1', bureau: '县保密局' }, P0 + MIN, 'officer1'),
      ev('publication.escalated', { itemId: 'e2', bureau: '县保密局' }, P0 + MIN, 'officer1'),
      ev(
        'publication.bureau_replied',
        { itemId: 'e2', decision: 'publish', replyRef: '1号' },
        P0 + 2 * MIN,
        'officer1',
      ),
      submit(ev, 'w1', P0),
      submit(ev, 'w2', P0),
      submit(ev, 'w3', P0),
      ...['w1', 'w2'].flatMap((itemId) => [
        ev('publication.withholding_proposed', { itemId, kind: 'exempt', reason: '隐私' }, P0 + MIN, 'clerk'),
        ev(
          'publication.withholding_confirmed',
          { itemId, capacity: 'review_officer' },
          P0 + 2 * MIN,
          'officer1',
        ),
        ev(
          'publication.withholding_confirmed',
          { itemId, capacity: 'responsible_leader' },
          P0 + 3 * MIN,
          'leader1',
        ),
      ]),
      ev(
        'publication.withholding_proposed',
        { itemId: 'w3', kind: 'exempt', reason: '隐私' },
        P0 + MIN,
        'clerk',
      ),
      ev(
        'publication.withholding_confirmed',
        { itemId: 'w3', capacity: 'review_officer' },
        P0 + 2 * MIN,
        'officer1',
      ),
    ])
    expect(codes(f)).toEqual([])
    expect(f.state.items.get('w3')?.state).toBe('withholding')
    expect(publicationFigures(f.state, 2026, DEFAULT_CALENDAR)).toEqual({
      year: 2026,
      submitted: 7,
      published: 1,
      withheld: 2,
      escalated: 2,
      returned: 1,
      leaks: 0,
      leaksReportedLate: 0,
    })
  })
})
