import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  formatHlc,
  type RegisterState,
  signEvent,
} from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import { directoryOf, makeUser, UNIT, WORKDAY_10AM } from '../../test/fixtures.ts'
import {
  type AgendaViewer,
  agendaCounts,
  agendaGroups,
  approvalsWaiting,
  dueSoonWindow,
  overdueFor,
  type TodoRow,
  wholeDayDue,
} from './agenda-rows.ts'

const officer = makeUser('officer1', ['officer'])
const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Wednesday 2026-03-04 in Asia/Shanghai: 10:00 + `hours`. */
const at = (hours: number): number => WORKDAY_10AM + hours * HOUR
const FAR_FUTURE = Date.UTC(2286, 10, 20)

const CTX: FoldContext = {
  unit: UNIT,
  directory: directoryOf(officer),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
  latestEventMs: () => at(1000),
}

function sign(type: string, payload: object, atMs: number, counter = 0, device = 'dev-a'): EventEnvelope {
  return signEvent(
    {
      unit: UNIT,
      type,
      payload,
      actor: officer.id,
      device,
      at: formatHlc({ wallMs: atMs, counter, node: device }),
    },
    officer.secretKey,
  )
}

function registration(
  serial: string,
  docNumber: string,
  copies: { id: string; copyNumber: number | null }[],
) {
  return sign(
    'carrier.registered',
    {
      kind: 'paper',
      direction: 'received',
      issuer: '县委办公室',
      docNumber,
      title: '关于＊＊＊',
      level: 'secret',
      periodYears: null,
      scope: '镇领导班子',
      serial,
      receivedOn: '2026-03-04',
      copies,
    },
    at(-1),
    copies.length,
  )
}

// c1 (2026-0001 copy 1) handed out at 10:00, due at closing (17:30, rule C-05); c2 handed out twice on two
// devices (a merge: C-04 anomaly); a 2286 event folds as 时间异常 without a carrier.
const EVENTS = [
  registration('2026-0001', '县委办〔2026〕3号', [
    { id: 'c1', copyNumber: 1 },
    { id: 'c2', copyNumber: 2 },
  ]),
  sign('carrier.handed_out', { carrierId: 'c1', reader: '刘读者' }, at(0)),
  sign('carrier.handed_out', { carrierId: 'c2', reader: '陈读者' }, at(0.5), 0, 'dev-a'),
  sign('carrier.handed_out', { carrierId: 'c2', reader: '赵读者' }, at(0.5), 1, 'dev-b'),
  sign('carrier.taken_back', { carrierId: 'c1', handOutId: 'later' }, FAR_FUTURE),
]
const state = foldUnitRegister(EVENTS, CTX)
const CLOSING = at(7.5)
const OFFICER: AgendaViewer = { userId: 'officer1', roles: ['officer'] }

const byRule = (rows: readonly TodoRow[], rule: string) => rows.filter((r) => r.rule === rule)

describe('agenda rows (issue 12: 待办)', () => {
  it('C-05 an overdue hand-out is a row of its carrier: serial, copy, 文号, since its due time, opening its row', () => {
    const groups = agendaGroups(state, at(24), OFFICER)
    const carriers = byRule(groups.overdue, 'C-05')
    expect(carriers.map((r) => r.subject)).toEqual([
      { kind: 'carrier', serial: '2026-0001', copyNumber: 1, docNumber: '县委办〔2026〕3号' },
      { kind: 'carrier', serial: '2026-0001', copyNumber: 2, docNumber: '县委办〔2026〕3号' },
    ])
    expect(carriers[0]).toMatchObject({
      register: 'carrier',
      dueAt: CLOSING,
      since: CLOSING,
      target: { name: 'register', query: { q: '2026-0001' } },
    })
  })

  it('E-01 a telegram without its receipt is a row of the telegram book, opening its row by serial', () => {
    const received = sign(
      'telegram.received',
      {
        telegramId: 'tg1',
        serial: '2026-0007',
        fromUnit: '县委办公室',
        docNumber: '县机〔2026〕18号',
        level: 'secret',
        precedence: 'routine',
        important: false,
        earlyWarning: false,
        receivedAt: at(1),
      },
      at(1),
    )
    const withTelegram = foldUnitRegister([received], CTX)
    const [row] = byRule(agendaGroups(withTelegram, at(2), OFFICER).overdue, 'E-01')
    expect(row).toMatchObject({
      register: 'telegram',
      subject: { kind: 'telegram', serial: '2026-0007', direction: 'received' },
      target: { name: 'telegram', query: { q: '2026-0007' } },
    })
  })

  it('C-05 before closing the same hand-out is due soon (since null), not overdue', () => {
    const groups = agendaGroups(state, at(1), OFFICER)
    expect(byRule(groups.overdue, 'C-05')).toEqual([])
    expect(byRule(groups.dueSoon, 'C-05').map((r) => [r.dueAt, r.since])).toEqual([
      [CLOSING, null],
      [CLOSING, null],
    ])
  })

  it('I-01, T-03 periodic duties read as periods (quarter, holiday, year), without a link', () => {
    const overdue = agendaGroups(state, at(24), OFFICER).overdue
    const subjects = overdue.filter((r) => r.register !== 'carrier').map((r) => r.subject)
    expect(subjects).toContainEqual({ kind: 'quarter', year: '2025', quarter: '4' })
    expect(subjects).toContainEqual({ kind: 'holiday', year: '2026', holiday: 'spring_festival' })
    expect(subjects).toContainEqual({ kind: 'year', year: '2026' })
    expect(overdue.filter((r) => r.register !== 'carrier').every((r) => r.target === null)).toBe(true)
  })

  it('C-04 a merged double hand-out is an open anomaly at its carrier; a 时间异常 opens the register page', () => {
    const anomalies = agendaGroups(state, at(24), OFFICER).anomalies
    expect(anomalies.map((a) => [a.anomalyKind, a.rule, a.target])).toEqual([
      ['clock_out_of_range', null, { name: 'register' }],
      ['concurrent_hand_out', null, { name: 'register', query: { q: '2026-0001' } }],
    ])
    expect(anomalies[1]?.subject).toMatchObject({ kind: 'carrier', copyNumber: 2 })
  })

  it('counts each group; the bell is overdue + anomalies + waiting for me, not due soon', () => {
    const groups = agendaGroups(state, at(1), OFFICER)
    const counts = agendaCounts(groups)
    expect(counts).toMatchObject({ dueSoon: groups.dueSoon.length, anomalies: 2, approvals: 0 })
    expect(counts.bell).toBe(groups.overdue.length + 2)
    expect(groups.approvals).toBeNull()
  })

  it('a replica not loaded yet gives empty groups', () => {
    const groups = agendaGroups(null, at(1), { userId: 'leader1', roles: ['leader'] })
    expect(agendaCounts(groups).bell).toBe(0)
    expect(groups.approvals).toEqual([])
  })
})

describe('the due-soon window: 3 working days after today', () => {
  it('from a Friday it runs over the weekend to Wednesday night', () => {
    const friday = at(2 * 24) // 2026-03-06
    expect(dueSoonWindow(friday, DEFAULT_CALENDAR)).toEqual({
      untilMs: Date.parse('2026-03-11T23:59:59.999+08:00'),
      estimated: false,
    })
  })

  it('into a year without a holiday schedule it says it was counted in ordinary weeks (issue 10)', () => {
    expect(dueSoonWindow(Date.parse('2026-12-30T10:00:00+08:00'), DEFAULT_CALENDAR).estimated).toBe(true)
  })
})

describe('how long overdue', () => {
  it('minutes, then hours within a day, then calendar days apart', () => {
    expect(overdueFor(CLOSING, CLOSING + 30_000)).toEqual({ unit: 'minutes', n: 1 })
    expect(overdueFor(CLOSING, CLOSING + 20 * 60_000)).toEqual({ unit: 'minutes', n: 20 })
    expect(overdueFor(CLOSING, CLOSING + 5 * HOUR)).toEqual({ unit: 'hours', n: 5 })
    // Wednesday 17:30 to Saturday 10:00: three dates on
    expect(overdueFor(CLOSING, at(3 * 24))).toEqual({ unit: 'days', n: 3 })
    expect(overdueFor(CLOSING, CLOSING + DAY)).toEqual({ unit: 'days', n: 1 })
    // I-01 due at the quarter's next midnight, B-04 at 23:59:59.999 the day before: the same count
    const now = Date.parse('2026-12-08T10:00:00+08:00')
    expect(overdueFor(Date.parse('2026-04-01T00:00:00+08:00'), now)).toEqual({ unit: 'days', n: 252 })
    expect(overdueFor(Date.parse('2026-03-31T23:59:59.999+08:00'), now)).toEqual({ unit: 'days', n: 252 })
  })
})

describe('whole-day deadlines', () => {
  it('I-01, B-04 a deadline at the end of a day or the next midnight reads as that day; C-05 17:30 does not', () => {
    expect(wholeDayDue(Date.parse('2026-01-01T00:00:00+08:00'))).toBe('2025-12-31')
    expect(wholeDayDue(Date.parse('2026-03-31T23:59:59.999+08:00'))).toBe('2026-03-31')
    expect(wholeDayDue(CLOSING)).toBeNull()
  })
})

/** Only the registers approvalsWaiting reads, as the fold leaves them. */
function approvalState(parts: {
  classification?: object[]
  loans?: object[]
  publication?: object[]
}): RegisterState {
  const byId = (list: object[] = []) => new Map(list.map((x) => [(x as { id: string }).id, x]))
  return {
    registers: {
      classification: { items: byId(parts.classification), classifiers: new Map() },
      movement: { loans: byId(parts.loans) },
      publication: { items: byId(parts.publication), leaks: new Map() },
    },
  } as unknown as RegisterState
}

const proposal = { kind: 'determine', proposedBy: 'officer1', proposedAtMs: at(0), dueAtMs: at(240) }
const LEADER: AgendaViewer = { userId: 'leader1', roles: ['leader'] }
const CLASSIFIER: AgendaViewer = { userId: 'classifier1', roles: ['classifier'] }

describe('待我审批: the approval steps waiting for the viewer', () => {
  const s = approvalState({
    classification: [
      { id: 'k1', status: 'pending', pending: { ...proposal, review: null } },
      { id: 'k2', status: 'pending', pending: { ...proposal, review: { by: 'classifier1', atMs: at(1) } } },
      { id: 'k3', status: 'returned', pending: { ...proposal, review: null } },
      { id: 'k4', status: 'escalated', pending: { ...proposal, review: { by: 'classifier1', atMs: at(1) } } },
      {
        id: 'k5',
        status: 'determined',
        pending: { ...proposal, kind: 'change_level', review: { by: 'c9', atMs: at(2) } },
      },
      {
        id: 'k6',
        status: 'pending',
        pending: { ...proposal, proposedBy: 'leader1', review: { by: 'c9', atMs: at(3) } },
      },
    ],
    loans: [
      {
        id: 'L1',
        borrower: '县档案馆',
        dueAt: at(48),
        returned: null,
        extensionRequest: { requestedBy: 'officer1', borrowerApprover: '王馆长', at: at(4) },
      },
      { id: 'L2', borrower: '县档案馆', dueAt: at(48), returned: null, extensionRequest: null },
    ],
    publication: [
      {
        id: 'p1',
        state: 'first_passed',
        submitter: 'officer1',
        submittedAt: at(0),
        reviews: [{ capacity: 'section_head', by: 's1', at: at(5) }],
        withholding: null,
      },
      {
        id: 'p2',
        state: 'submitted',
        submitter: 'officer1',
        submittedAt: at(0),
        reviews: [],
        withholding: null,
      },
    ],
  })

  it('D-01, D-05, C-06, R-02 a leader: reviewed proposals, loan extensions and second reviews, oldest first', () => {
    const rows = approvalsWaiting(s, LEADER) ?? []
    expect(rows.map((r) => [r.register, r.rule, (r.subject as { id: string }).id, r.step])).toEqual([
      ['classification', 'D-01', 'k2', 'approve'],
      ['classification', 'D-05', 'k5', 'approve'],
      ['movement', 'C-06', 'L1', 'approve'],
      ['publication', 'R-02', 'p1', 'approve'],
    ])
    expect(rows[0]).toMatchObject({ since: at(1), dueAt: at(240), target: null })
  })

  it('D-01 four eyes: not what the viewer proposed (k6) or already reviewed (k2 for its classifier)', () => {
    const rows = approvalsWaiting(s, CLASSIFIER) ?? []
    expect(rows.map((r) => [r.rule, (r.subject as { id: string }).id, r.step])).toEqual([
      ['D-01', 'k1', 'review'],
      ['R-02', 'p1', 'review'],
    ])
  })

  it('an officer approves nothing: the group is not shown', () => {
    expect(approvalsWaiting(s, OFFICER)).toBeNull()
  })
})
