import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DEFAULT_CUSTODY_POLICY } from '../../../src/registers/custody/policy.ts'
import { archivingReminders } from '../../../src/registers/custody/queries.ts'
import { custodySlice } from '../../../src/registers/custody/slice.ts'
import { local } from '../../support/fixtures.ts'
import {
  awayAs,
  codes,
  custodyBuilder,
  custodyContext,
  custodyWork,
  destroyed,
  foldCustody,
  heldBy,
  received,
  viewOf,
} from './custody-fixtures.ts'

const A = local('2026-01-12T10:00')
const c1 = received('c1', '2025-0001', '2025-03-10')
const c2 = received('c2', '2025-0002', '2025-06-20')
const c3 = received('c3', '2025-0003', '2025-11-02')

describe('custody: archiving (rule C-10)', () => {
  it('rule C-10: archives carriers in custody and holds them away with holder "archive"', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2] })
    const events = [
      ev('custody.archived', { batchId: 'b1', archiveRef: '2025-永久-001', carrierIds: ['c1', 'c2'] }, A),
    ]
    const fold = foldCustody(events, ctx)
    expect(codes(fold)).toEqual([])
    expect([...fold.state.archived.keys()]).toEqual(['c1', 'c2'])
    expect(fold.state.archiveBatches.get('b1')).toMatchObject({
      eventId: 'e001',
      archiveRef: '2025-永久-001',
      by: 'officer1',
    })
    const away = custodySlice.carrierAway?.(custodyWork(events, ctx), 'c1')
    expect(away).toMatchObject({ code: 'C-10', holder: 'archive', since: A })
    expect(away?.zh).toContain('规则 C-10')
    expect(custodySlice.carrierAway?.(custodyWork(events, ctx), 'c3')).toBeNull()
  })

  it('rule C-10: refuses to archive a carrier not in the officer custody, naming each one and why', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({
      carriers: [c1, heldBy(c2, 'leader1'), destroyed(c3), received('c4', '2025-0004', '2025-12-01')],
      away: { c4: awayAs('C-06') },
    })
    const fold = foldCustody(
      [
        ev(
          'custody.archived',
          { batchId: 'b1', archiveRef: 'A-1', carrierIds: ['c1', 'c2', 'c3', 'c4', 'c9'] },
          A,
        ),
        ev('custody.archived', { batchId: 'b2', archiveRef: 'A-1', carrierIds: ['c1'] }, A + 1),
        ev('custody.archived', { batchId: 'b3', archiveRef: 'A-1', carrierIds: ['c1'] }, A + 2),
        ev('custody.archived', { batchId: 'b2', archiveRef: 'A-1', carrierIds: ['c1'] }, A + 3),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual(['C-10', 'C-10', 'CUSTODY-EXISTS'])
    expect(fold.refused[0]?.error.details).toEqual({
      problems: [
        { carrierId: 'c2', problem: 'held_by_reader' },
        { carrierId: 'c3', problem: 'destroyed' },
        { carrierId: 'c4', problem: 'away', awayCode: 'C-06' },
        { carrierId: 'c9', problem: 'unknown' },
      ],
    })
    expect(fold.refused[0]?.error.message.zh).toContain('（规则 C-10）')
    expect(fold.refused[0]?.error.message.en).toContain('(rule C-10)')
    // The first batch was refused whole; b2 archived c1, b3 cannot archive it again, a second b2 reuses the id.
    expect([...fold.state.archived.keys()]).toEqual(['c1'])
    expect(fold.state.archived.get('c1')?.batchId).toBe('b2')
    expect(fold.refused[1]?.error.details).toEqual({ problems: [{ carrierId: 'c1', problem: 'archived' }] })
  })

  it('rule C-10: refuses to archive a document still under handling (C-19), allows it once back', () => {
    const ev = custodyBuilder()
    const c = received('c5', '2026-0005', '2026-03-02')
    const ctx = custodyContext({ carriers: [c] })
    const R = local('2026-03-02T10:00')
    const base = [
      ev(
        'custody.routing_opened',
        { routingId: 'r1', carrierId: 'c5', slipNumber: 'S1', urgency: 'normal', receivedAt: R },
        R,
      ),
      ev('custody.archived', { batchId: 'b1', archiveRef: 'A', carrierIds: ['c5'] }, R + 1000),
      ev('custody.routing_presented', { routingId: 'r1', to: 'leader1' }, R + 2000),
      ev('custody.routing_closed', { routingId: 'r1' }, R + 3000),
      ev('custody.archived', { batchId: 'b2', archiveRef: 'A', carrierIds: ['c5'] }, R + 4000),
    ]
    const fold = foldCustody(base, ctx)
    expect(codes(fold)).toEqual(['C-10'])
    expect(fold.refused[0]?.error.details).toEqual({
      problems: [{ carrierId: 'c5', problem: 'under_handling' }],
    })
    expect(fold.state.archived.get('c5')?.batchId).toBe('b2')
  })

  it('rule C-10: the reminder lists last year’s documents after 1 January, overdue only after 31 March (boundary)', () => {
    const ctx = custodyContext({
      carriers: [c1, heldBy(c2, 'leader1'), c3, received('c6', '2026-0001', '2026-01-05')],
    })
    const ev = custodyBuilder()
    const fold = foldCustody(
      [ev('custody.archived', { batchId: 'b1', archiveRef: 'A', carrierIds: ['c3'] }, A)],
      ctx,
    )
    const view = viewOf(ctx)
    const remind = (now: number) => archivingReminders(fold.state, view, now, DEFAULT_CALENDAR)
    expect(remind(local('2025-12-31T23:59'))).toEqual([])
    const deadline = local('2026-04-01T00:00') - 1
    const open = remind(local('2026-01-01T00:00'))
    expect(open).toEqual([
      {
        rule: 'C-10',
        year: 2025,
        dueAt: deadline,
        overdue: false,
        since: null,
        items: [
          { carrierId: 'c1', serial: '2025-0001', reason: 'not_archived', holders: [] },
          // rule C-10: no one keeps documents privately; a reader still holding it is listed too.
          { carrierId: 'c2', serial: '2025-0002', reason: 'held_by_reader', holders: ['leader1'] },
        ],
      },
    ])
    expect(remind(deadline)[0]?.overdue).toBe(false)
    const late = remind(deadline + 1)
    expect(late[0]).toMatchObject({ year: 2025, overdue: true, since: deadline })
    // 2026 documents are not due before 2027.
    expect(late.map((r) => r.year)).toEqual([2025])
  })

  it('rule C-10: the reminder skips destroyed and away carriers and media; policy moves the deadline', () => {
    const medium = received('m1', '2025-0010', '2025-05-05', { kind: 'medium' })
    const ctx = custodyContext({
      carriers: [destroyed(c1), c2, c3, medium],
      away: { c2: awayAs('C-09') },
    })
    const view = viewOf(ctx)
    const state = foldCustody([], ctx).state
    const now = local('2026-02-02T09:00')
    expect(archivingReminders(state, view, now, DEFAULT_CALENDAR)[0]?.items.map((i) => i.carrierId)).toEqual([
      'c3',
    ])
    const policy = {
      ...DEFAULT_CUSTODY_POLICY,
      archiveByMonth: 1,
      archiveKinds: ['paper', 'medium'] as const,
    }
    const strict = archivingReminders(state, view, now, DEFAULT_CALENDAR, policy)
    expect(strict[0]?.items.map((i) => i.carrierId)).toEqual(['c3', 'm1'])
    expect(strict[0]).toMatchObject({ overdue: true, since: local('2026-02-01T00:00') - 1 })
  })
})
