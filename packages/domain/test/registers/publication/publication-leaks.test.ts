import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import {
  lateLeakDeadlines,
  leakDeadlinesDueSoon,
  overdueLeakDeadlines,
  publicationFigures,
} from '../../../src/registers/publication/queries.ts'
import { createPublicationSlice } from '../../../src/registers/publication/slice.ts'
import { codes } from '../responsibility/responsibility-fold.ts'
import { foldPublication, MIN, P0, PUBLISH, pubEvent, reviewed, SUBMISSION } from './publication-fold.ts'

const H = 60 * MIN
const found = P0 + H

function incident(ev = pubEvent()) {
  return [
    ...reviewed(ev),
    ev('publication.published', PUBLISH, P0 + 10 * MIN, 'clerk'),
    ev(
      'publication.leak_found',
      {
        incidentId: 'x1',
        foundAt: found,
        location: '镇政府门户网站/通知公告',
        level: 'secret',
        itemId: 'i1',
      },
      found + 5 * MIN,
      'officer1',
    ),
  ]
}

describe('classified content found online (rule R-06)', () => {
  it('R-06 take-down is due at once (1 h) and the report within 24 h; both show overdue since due', () => {
    const f = foldPublication(incident())
    expect(codes(f)).toEqual([])
    expect(overdueLeakDeadlines(f.state, found + H)).toEqual([])
    expect(overdueLeakDeadlines(f.state, found + H + 1).map((d) => [d.kind, d.dueAt])).toEqual([
      ['take_down', found + H],
    ])
    expect(overdueLeakDeadlines(f.state, found + 25 * H).map((d) => d.kind)).toEqual(['take_down', 'report'])
    expect(leakDeadlinesDueSoon(f.state, found + 2 * H, 23 * H).map((d) => d.kind)).toEqual(['report'])
    const strict = createPublicationSlice({ takeDownWithinMs: 10 * MIN, reportWithinMs: 12 * H })
    expect(overdueLeakDeadlines(f.state, found + 11 * MIN, strict.policy).map((d) => d.kind)).toEqual([
      'take_down',
    ])
  })

  it('R-06 taken down, traced and reported, then closed; the item it came from is marked taken down', () => {
    const ev = pubEvent()
    const f = foldPublication([
      ...incident(ev),
      ev('publication.leak_closed', { incidentId: 'x1', note: '已处理' }, found + 10 * MIN),
      ev('publication.leak_taken_down', { incidentId: 'x1' }, found + 20 * MIN),
      ev('publication.leak_taken_down', { incidentId: 'x1' }, found + 21 * MIN),
      ev('publication.leak_traced', { incidentId: 'x1', note: '经办人误传' }, found + 2 * H),
      ev('publication.leak_reported', { incidentId: 'x1', reportRef: '镇保报〔2026〕1号' }, found + 30 * H),
      ev('publication.leak_closed', { incidentId: 'x1', note: '已整改' }, found + 31 * H),
      ev('publication.leak_traced', { incidentId: 'x1', note: 'again' }, found + 32 * H),
    ])
    expect(codes(f)).toEqual(['R-06', 'PUB-EXISTS', 'PUB-STATE'])
    const x = f.state.incidents.get('x1')
    expect(x?.closedAt).toBe(found + 31 * H)
    expect(x?.reportRef).toBe('镇保报〔2026〕1号')
    expect(f.state.items.get('i1')?.takenDownAt).toBe(found + 20 * MIN)
    expect(overdueLeakDeadlines(f.state, found + 40 * H)).toEqual([])
    expect(lateLeakDeadlines(f.state).map((d) => d.kind)).toEqual(['report'])
    expect(publicationFigures(f.state, 2026, DEFAULT_CALENDAR)).toEqual({
      year: 2026,
      submitted: 1,
      published: 1,
      withheld: 0,
      escalated: 0,
      returned: 0,
      leaks: 1,
      leaksReportedLate: 1,
    })
  })

  it('R-06 a finding cannot precede its registration, name an unknown item, or repeat an id', () => {
    const ev = pubEvent()
    const f = foldPublication([
      ev(
        'publication.leak_found',
        { incidentId: 'x1', foundAt: P0 + H, location: 'web', level: 'secret' },
        P0,
      ),
      ev(
        'publication.leak_found',
        { incidentId: 'x2', foundAt: P0, location: 'web', level: 'secret', itemId: 'i9' },
        P0,
      ),
      ev('publication.leak_found', { incidentId: 'x3', foundAt: P0, location: 'web', level: 'secret' }, P0),
      ev(
        'publication.leak_found',
        { incidentId: 'x3', foundAt: P0, location: 'web', level: 'secret' },
        P0 + 1,
      ),
      ev('publication.leak_taken_down', { incidentId: 'x9' }, P0 + 2),
    ])
    expect(codes(f)).toEqual(['R-06', 'R-06', 'PUB-EXISTS', 'R-06'])
    expect([...f.state.incidents.keys()]).toEqual(['x3'])
  })

  it('R-02 a revoked section head can no longer review', () => {
    const ev = pubEvent()
    const f = foldPublication([
      ev(
        'publication.reviewer_designated',
        { userId: 'head1', post: 'section_head' },
        P0 - 2 * MIN,
        'leader1',
      ),
      ev('publication.reviewer_revoked', { userId: 'head1', post: 'section_head' }, P0 - MIN, 'leader1'),
      ev('publication.reviewer_revoked', { userId: 'head1', post: 'section_head' }, P0 - MIN, 'leader1'),
      ev('publication.reviewer_designated', { userId: 'far', post: 'section_head' }, P0 - MIN, 'leader1'),
      ev('publication.submitted', SUBMISSION, P0, 'clerk'),
      ev('publication.submitted', SUBMISSION, P0, 'clerk'),
      ev(
        'publication.reviewed',
        { itemId: 'i1', capacity: 'section_head', decision: 'pass' },
        P0 + MIN,
        'head1',
      ),
    ])
    expect(codes(f)).toEqual(['PUB-USER', 'PUB-USER', 'PUB-EXISTS', 'R-02'])
    expect(f.state.reviewers.size).toBe(0)
  })
})
