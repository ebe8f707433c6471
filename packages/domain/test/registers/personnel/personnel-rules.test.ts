import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import {
  DEFAULT_PERSONNEL_POLICY,
  LONGER_DECONTAMINATION_MONTHS,
} from '../../../src/registers/personnel/policy.ts'
import {
  departureHandOvers,
  inDecontamination,
  personnelOnPost,
} from '../../../src/registers/personnel/queries.ts'
import {
  codes,
  DAY,
  ev,
  fold,
  HOUR,
  leaving,
  local,
  onboarding,
  registered,
  session,
} from './personnel-fold.ts'

const T = local('2026-03-02T08:00')
const L = local('2026-06-01T09:00')

/** A refused event leaves the state exactly as without it. */
function expectNoChange(events: readonly SliceEvent[], refusedId: string): void {
  const withIt = fold(events)
  expect(withIt.refused.map((r) => r.eventId)).toContain(refusedId)
  expect(withIt.state).toEqual(fold(events.filter((e) => e.id !== refusedId)).state)
}

describe('personnel register: taking a post', () => {
  it('P-01 full onboarding puts the person on the post with filing and certificate', () => {
    const f = fold(onboarding('p1', T))
    expect(f.refused).toEqual([])
    const p = f.state.persons.get('p1')
    expect(p?.post).toMatchObject({
      level: 'important',
      filingRef: '保备〔2026〕3号',
      certificateNumber: '证p1',
    })
    expect(f.state.approvals.get('p1-apr')?.usedBy).toBe('p1-pst')
    expect(personnelOnPost(f.state)).toEqual([{ personId: 'p1', level: 'important', sinceMs: T + 6 * HOUR }])
  })

  it('P-01 refuses a post without filing (先备案后上岗), state unchanged', () => {
    const events = onboarding('p1', T, { skip: ['fil'] })
    expect(codes(fold(events))).toEqual(['P-01'])
    expectNoChange(events, 'p1-pst')
  })

  it('P-01 refuses a post without a certificate (持证上岗)', () => {
    const events = onboarding('p1', T, { skip: ['cer'] })
    expect(codes(fold(events))).toEqual(['P-01'])
    expect(fold(events).state.persons.get('p1')?.post).toBeNull()
  })

  it('P-01 refuses a certificate before passed training; a failed test does not count', () => {
    const failed = onboarding('p1', T, { skip: ['trn'] })
    failed.push(
      session('t-fail', '2026-03-02', T + 2 * HOUR, [{ personId: 'p1', score: 59 }], { kind: 'test' }),
    )
    const f = fold(failed)
    expect(f.refused.map((r) => [r.eventId, r.error.code])).toEqual([
      ['p1-cer', 'P-01'],
      ['p1-pst', 'T-02'],
    ])
    const passed = onboarding('p1', T, { skip: ['trn'] })
    passed.push(
      session('t-pass', '2026-03-02', T + 2 * HOUR, [{ personId: 'p1', score: 60 }], { kind: 'test' }),
    )
    expect(fold(passed).refused).toEqual([])
  })

  it('T-02 refuses a classified post to someone not taught before starting, state unchanged', () => {
    const events = onboarding('p1', T, { skip: ['trn'] })
    // The certificate is refused too (P-01); the post is refused for the missing training (T-02).
    expect(codes(fold(events))).toEqual(['P-01', 'T-02'])
    expectNoChange(events, 'p1-pst')
  })

  it('T-02 training recorded only after the post was taken does not count', () => {
    const events = onboarding('p1', T, { skip: ['trn'] })
    events.push(session('late', '2026-03-02', T + 7 * HOUR, [{ personId: 'p1' }]))
    expect(fold(events).refused.map((r) => r.eventId)).toEqual(['p1-cer', 'p1-pst'])
  })

  it('P-02 refuses a post without the signed secrecy commitment', () => {
    const events = onboarding('p1', T, { skip: ['com'] })
    expect(codes(fold(events))).toEqual(['P-02'])
    expectNoChange(events, 'p1-pst')
  })

  it('P-04 refuses a post without the leader approval, with a wrong-subject or reused approval', () => {
    expect(codes(fold(onboarding('p1', T, { skip: ['apr'] })))).toEqual(['P-04'])
    const wrongSubject = onboarding('p1', T).map((e) =>
      e.id === 'p1-apr' ? { ...e, payload: { personId: 'p1', subject: 'travel_abroad' } } : e,
    )
    expect(codes(fold(wrongSubject))).toEqual(['P-04'])
    const otherPerson = [
      ...onboarding('p1', T),
      ...onboarding('p2', T, { skip: ['apr'] }).map((e) =>
        e.id === 'p2-pst' ? { ...e, payload: { personId: 'p2', approvalId: 'p1-apr' } } : e,
      ),
    ]
    expect(codes(fold(otherPerson))).toEqual(['P-04'])
  })

  it('P-04 only a leader signs the approval, and never for themself', () => {
    const byOfficer = onboarding('p1', T).map((e) => (e.id === 'p1-apr' ? { ...e, actor: 'officer1' } : e))
    expect(codes(fold(byOfficer))).toEqual(['ROLE', 'P-04'])
    const self = onboarding('p1', T, { over: { userId: 'leader1' } })
    expect(codes(fold(self))).toEqual(['P-04', 'P-04'])
    const other = onboarding('p1', T, { over: { userId: 'leader1' } }).map((e) =>
      e.id === 'p1-apr' ? { ...e, actor: 'leader2' } : e,
    )
    expect(fold(other).refused).toEqual([])
  })

  it('P-05 refuses every event about a person not in the staff register', () => {
    const events = onboarding('p1', T, { skip: ['reg'] })
    const f = fold(events)
    expect(new Set(codes(f))).toEqual(new Set(['P-05']))
    expect(f.state.persons.size).toBe(0)
    expect(f.state.sessions.size).toBe(0)
  })

  it('P-05 the staff register needs an employment type; interns and temporary hires are not exempt', () => {
    const noType = ev('x', 'personnel.registered', 'officer1', T, {
      personId: 'p9',
      name: 'n',
      startsOn: '2026-03-02',
    })
    expect(codes(fold([noType]))).toEqual(['MALFORMED'])
    for (const employmentType of ['intern', 'temporary']) {
      const untrained = onboarding('p1', T, { skip: ['trn', 'cer'], over: { employmentType } })
      expect(codes(fold(untrained))).toEqual(['T-02'])
      const full = fold(onboarding('p1', T, { over: { employmentType } }))
      expect(full.refused).toEqual([])
      expect(full.state.persons.get('p1')?.employmentType).toBe(employmentType)
    }
  })
})

describe('personnel register: leaving a post', () => {
  it('P-03 leaving sets the 脱密期 from the approval of leaving; default the range maximum of the shorter set', () => {
    const f = fold([...onboarding('p1', T), ...leaving('p1', L)])
    expect(f.refused).toEqual([])
    const p = f.state.persons.get('p1')
    expect(p?.post).toBeNull()
    expect(p?.filing).toBeNull()
    expect(p?.certificate).toBeNull()
    const d = p?.departures[0]
    expect(d).toMatchObject({ level: 'important', decontaminationMonths: 24, approvedAtMs: L + HOUR })
    expect(d?.decontaminationEndsAtMs).toBe(local('2028-06-01T00:00'))
    const running = inDecontamination(f.state, L + 3 * HOUR)
    expect(running).toMatchObject([{ personId: 'p1', months: 24, startsAtMs: L + HOUR }])
    expect(inDecontamination(f.state, local('2028-05-31T23:59'))).toHaveLength(1)
    expect(inDecontamination(f.state, local('2028-06-01T00:00'))).toEqual([])
  })

  it('P-03 the approval may set the period within the policy range, never outside it', () => {
    const ok = fold([...onboarding('p1', T, { level: 'general' }), ...leaving('p1', L, { months: 6 })])
    expect(ok.refused).toEqual([])
    expect(ok.state.persons.get('p1')?.departures[0]?.decontaminationEndsAtMs).toBe(local('2026-12-01T00:00'))
    const long = fold([...onboarding('p1', T, { level: 'general' }), ...leaving('p1', L, { months: 13 })])
    expect(codes(long)).toEqual(['P-03', 'P-04'])
    const short = fold([...onboarding('p1', T, { level: 'core' }), ...leaving('p1', L, { months: 12 })])
    expect(codes(short)).toEqual(['P-03', 'P-04'])
    expect(short.state.persons.get('p1')?.post).not.toBeNull()
    const longer = { ...DEFAULT_PERSONNEL_POLICY, decontaminationMonths: LONGER_DECONTAMINATION_MONTHS }
    expect(
      codes(fold([...onboarding('p1', T, { level: 'core' }), ...leaving('p1', L, { months: 24 })], longer)),
    ).toEqual(['P-03', 'P-04'])
    const dflt = fold([...onboarding('p1', T, { level: 'core' }), ...leaving('p1', L)], longer)
    expect(dflt.state.persons.get('p1')?.departures[0]?.decontaminationMonths).toBe(60)
  })

  it('P-03 refuses leaving without the reminder talk or without revoked access, state unchanged', () => {
    for (const over of [{ reminderTalkHeld: false }, { accessRevoked: false }]) {
      const events = [...onboarding('p1', T), ...leaving('p1', L, { over })]
      expect(codes(fold(events))).toEqual(['P-03'])
      expectNoChange(events, 'p1-lft')
    }
  })

  it('P-03 refuses leaving the unit while still on a classified post', () => {
    const out = ev('out', 'personnel.left_unit', 'officer1', L, { personId: 'p1', leftOn: '2026-06-01' })
    expect(codes(fold([...onboarding('p1', T), out]))).toEqual(['P-03'])
    const f = fold([...onboarding('p1', T), ...leaving('p1', L), { ...out, atMs: L + DAY }])
    expect(f.refused).toEqual([])
    expect(f.state.persons.get('p1')?.leftUnitOn).toBe('2026-06-01')
  })

  it('P-02 refuses leaving without a departure commitment signed while on this post', () => {
    const events = [...onboarding('p1', T), ...leaving('p1', L, { skip: ['dcm'] })]
    expect(codes(fold(events))).toEqual(['P-02'])
    expectNoChange(events, 'p1-lft')
    const notOnPost = ev('dc', 'personnel.commitment_signed', 'officer1', T + HOUR, {
      personId: 'p1',
      kind: 'departure',
    })
    expect(codes(fold([registered('p1', T), notOnPost]))).toEqual(['P-02'])
  })

  it('P-02 an on-post commitment from before an earlier departure does not cover taking a post again', () => {
    const again = onboarding('p1', L + DAY, { skip: ['reg', 'com', 'trn'] }).map((e) => ({
      ...e,
      id: `${e.id}2`,
    }))
    const fixIds = again.map((e) =>
      e.type === 'personnel.took_post' ? { ...e, payload: { personId: 'p1', approvalId: 'p1-apr2' } } : e,
    )
    const events = [...onboarding('p1', T), ...leaving('p1', L), ...fixIds]
    expect(codes(fold(events))).toEqual(['P-02'])
    const signed = ev('com2', 'personnel.commitment_signed', 'officer1', L + DAY + 4 * HOUR, {
      personId: 'p1',
      kind: 'on_post',
    })
    expect(fold([...events, signed]).refused).toEqual([])
  })

  it('P-04 refuses leaving without the leader approval', () => {
    const events = [...onboarding('p1', T), ...leaving('p1', L, { skip: ['lap'] })]
    expect(codes(fold(events))).toEqual(['P-04'])
    expectNoChange(events, 'p1-lft')
  })

  it('C-12 refuses leaving without every carrier handed over; the list is kept for the unit fold cross-check', () => {
    const events = [...onboarding('p1', T), ...leaving('p1', L, { over: { carriersHandedOver: false } })]
    expect(codes(fold(events))).toEqual(['C-12'])
    expectNoChange(events, 'p1-lft')
    const f = fold([...onboarding('p1', T), ...leaving('p1', L)])
    expect(departureHandOvers(f.state)).toEqual([
      { personId: 'p1', eventId: 'p1-lft', leftAtMs: L + 2 * HOUR, carrierIds: ['c1', 'c2'] },
    ])
  })

  it('P-04 travel abroad needs an unused leader approval for that person', () => {
    const trip = (id: string, approvalId: string, at: number) =>
      ev(id, 'personnel.travel_abroad', 'officer1', at, {
        personId: 'p1',
        approvalId,
        departsOn: '2026-07-01',
        returnsOn: '2026-07-10',
        destination: '新加坡',
      })
    const approval = ev('ta', 'personnel.approved', 'leader1', L, {
      personId: 'p1',
      subject: 'travel_abroad',
    })
    const f = fold([
      ...onboarding('p1', T),
      trip('tr0', 'ta', L - HOUR),
      approval,
      trip('tr1', 'ta', L + HOUR),
      trip('tr2', 'ta', L + 2 * HOUR),
    ])
    expect(f.refused.map((r) => [r.eventId, r.error.code])).toEqual([
      ['tr0', 'P-04'],
      ['tr2', 'P-04'],
    ])
    expect(f.state.persons.get('p1')?.travels.map((t) => t.eventId)).toEqual(['tr1'])
  })

  it('P-03 travel during the 脱密期 shows on the decontamination list', () => {
    const f = fold([
      ...onboarding('p1', T),
      ...leaving('p1', L),
      ev('ta', 'personnel.approved', 'leader1', L + DAY, { personId: 'p1', subject: 'travel_abroad' }),
      ev('tr', 'personnel.travel_abroad', 'officer1', L + DAY + HOUR, {
        personId: 'p1',
        approvalId: 'ta',
        departsOn: '2026-07-01',
        returnsOn: '2026-06-30',
        destination: '新加坡',
      }),
    ])
    expect(codes(f)).toEqual(['PERSONNEL-DATE'])
    expect(inDecontamination(f.state, L + 2 * DAY)[0]?.travelsDuring).toBe(0)
  })
})
