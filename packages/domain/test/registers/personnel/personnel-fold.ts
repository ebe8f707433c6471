import type { SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { UnitPost } from '../../../src/core/unit-view.ts'
import { DEFAULT_PERSONNEL_POLICY, type PersonnelPolicy } from '../../../src/registers/personnel/policy.ts'
import { createPersonnelSlice } from '../../../src/registers/personnel/slice.ts'
import type { PersonnelState } from '../../../src/registers/personnel/state.ts'
import { sliceContext } from '../../support/slice-fixtures.ts'
import { contextWithView, foldSlice, type SliceFold, testUnitView } from '../../support/slice-fold.ts'

export { local } from '../../support/fixtures.ts'
export { refusalCodes as codes } from '../../support/slice-fold.ts'

/** The personnel register's users: two leaders of the unit, so one can approve the other's post. */
const USERS: SliceContext = sliceContext({
  officer1: ['officer'],
  leader1: ['leader'],
  leader2: ['leader'],
  staff1: ['staff'],
  // An officer who is also a leader (four eyes across roles).
  chief: ['officer', 'leader'],
})

/** Organisation posts (B-04): leader1 the 分管领导 who reviews (P-04), leader2 the main leader. */
export const POSTS: Readonly<Record<string, readonly UnitPost[]>> = {
  leader1: ['responsible_leader'],
  leader2: ['first_responsible'],
}

/** The register's users with the organisation posts `posts` in the unit view. */
export function withPosts(posts: Readonly<Record<string, readonly UnitPost[]>> = POSTS): SliceContext {
  return contextWithView(testUnitView({ posts }), USERS)
}

export const CTX: SliceContext = withPosts()

/** The personnel and training register under `policy` folded alone (slice-fold.ts). */
export function fold(
  events: readonly SliceEvent[],
  policy: PersonnelPolicy = DEFAULT_PERSONNEL_POLICY,
  ctx: SliceContext = CTX,
): SliceFold<PersonnelState> {
  return foldSlice(createPersonnelSlice(policy), events, ctx)
}

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

export function ev(id: string, type: string, actor: string, atMs: number, payload: unknown): SliceEvent {
  return { id, type, actor, atMs, payload }
}

export function registered(personId: string, t: number, over: Record<string, unknown> = {}): SliceEvent {
  return ev(`${personId}-reg`, 'personnel.registered', 'officer1', t, {
    personId,
    name: `姓名${personId}`,
    employmentType: 'civil_servant',
    startsOn: '2026-03-02',
    ...over,
  })
}

export function session(
  sessionId: string,
  heldOn: string,
  t: number,
  attendees: { personId: string; score?: number }[],
  over: Record<string, unknown> = {},
): SliceEvent {
  return ev(`${sessionId}-s`, 'training.session_recorded', 'officer1', t, {
    sessionId,
    kind: 'lecture',
    heldOn,
    hours: 2,
    topic: '保密法专题讲座',
    attendees,
    ...over,
  })
}

/**
 * Onboarding of `personId` from `t` (a working morning), one hour apart: registered, filed, trained,
 * certificate, commitment, leader's approval, on the post. `skip` drops steps by suffix.
 */
export function onboarding(
  personId: string,
  t: number,
  opts: { level?: string; skip?: readonly string[]; over?: Record<string, unknown> } = {},
): SliceEvent[] {
  const date = new Date(t + 8 * HOUR).toISOString().slice(0, 10)
  const all = [
    registered(personId, t, { startsOn: date, ...opts.over }),
    ev(`${personId}-fil`, 'personnel.filed', 'officer1', t + HOUR, {
      personId,
      post: '机要员',
      level: opts.level ?? 'important',
      filingRef: '保备〔2026〕3号',
    }),
    { ...session(`${personId}-trn`, date, t + 2 * HOUR, [{ personId }]), id: `${personId}-trn` },
    ev(`${personId}-cer`, 'personnel.certificate_issued', 'officer1', t + 3 * HOUR, {
      personId,
      certificateNumber: `证${personId}`,
    }),
    ev(`${personId}-com`, 'personnel.commitment_signed', 'officer1', t + 4 * HOUR, {
      personId,
      kind: 'on_post',
    }),
    ev(`${personId}-apr`, 'personnel.approved', 'leader1', t + 5 * HOUR, { personId, subject: 'take_post' }),
    ev(`${personId}-pst`, 'personnel.took_post', 'officer1', t + 6 * HOUR, {
      personId,
      approvalId: `${personId}-apr`,
    }),
  ]
  const skip = new Set(opts.skip ?? [])
  return all.filter((e) => !skip.has(e.id.slice(personId.length + 1)))
}

/** Leaving the post from `t`: departure commitment, leader's approval, left post. */
export function leaving(
  personId: string,
  t: number,
  opts: { months?: number; skip?: readonly string[]; over?: Record<string, unknown> } = {},
): SliceEvent[] {
  const all = [
    ev(`${personId}-dcm`, 'personnel.commitment_signed', 'officer1', t, { personId, kind: 'departure' }),
    ev(`${personId}-lap`, 'personnel.approved', 'leader1', t + HOUR, {
      personId,
      subject: 'leave_post',
      ...(opts.months === undefined ? {} : { decontaminationMonths: opts.months }),
    }),
    ev(`${personId}-lft`, 'personnel.left_post', 'officer1', t + 2 * HOUR, {
      personId,
      approvalId: `${personId}-lap`,
      reminderTalkHeld: true,
      accessRevoked: true,
      carriersHandedOver: true,
      carrierIds: ['c2', 'c1'],
      ...opts.over,
    }),
  ]
  const skip = new Set(opts.skip ?? [])
  return all.filter((e) => !skip.has(e.id.slice(personId.length + 1)))
}
