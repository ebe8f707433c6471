import type { DirectoryUser, KeyDirectory } from '../src/key-directory.ts'
import { DEFAULT_PERSONNEL_POLICY, type PersonnelPolicy } from '../src/personnel-policy.ts'
import { createPersonnelSlice } from '../src/personnel-slice.ts'
import type { PersonnelState } from '../src/personnel-state.ts'
import type { SliceContext, SliceEvent } from '../src/register-slice.ts'
import { type DomainError, domainError } from '../src/result.ts'
import type { Role } from '../src/roles.ts'
import { DEFAULT_UNIT_POLICY } from '../src/unit-policy.ts'
import { DEFAULT_CALENDAR } from '../src/work-calendar.ts'

/** Test-only fold of the personnel slice: what the unit fold does, minus signatures. */

export const UNIT = 'town-1'

function user(id: string, roles: Role[], unit = UNIT): [string, DirectoryUser] {
  return [id, { id, unit, roles, displayName: id, publicKey: '' }]
}

export const DIRECTORY: KeyDirectory = {
  users: Object.fromEntries([
    user('officer1', ['officer']),
    user('leader1', ['leader']),
    user('leader2', ['leader']),
    user('staff1', ['staff']),
  ]),
}

export const CTX: SliceContext = {
  unit: UNIT,
  directory: DIRECTORY,
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}

export interface Refused {
  readonly id: string
  readonly error: DomainError
}

export interface Folded {
  readonly state: PersonnelState
  readonly refused: readonly Refused[]
}

export function byFoldOrder(a: SliceEvent, b: SliceEvent): number {
  return a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Sort by atMs then id, fork once, then per event: schema and role screen, check, apply or refuse. */
export function fold(
  events: readonly SliceEvent[],
  policy: PersonnelPolicy = DEFAULT_PERSONNEL_POLICY,
  ctx: SliceContext = CTX,
): Folded {
  const slice = createPersonnelSlice(policy)
  const work = slice.fork(slice.empty())
  const refused: Refused[] = []
  for (const raw of [...events].sort(byFoldOrder)) {
    const def = Object.hasOwn(slice.events, raw.type) ? slice.events[raw.type] : undefined
    const parsed = def?.schema.safeParse(raw.payload)
    if (!def || !parsed?.success) {
      refused.push({ id: raw.id, error: domainError('SCHEMA', '格式错误', 'Bad payload') })
      continue
    }
    const roles = ctx.directory.users[raw.actor]?.roles ?? []
    if (!roles.some((r) => def.roles.includes(r))) {
      refused.push({ id: raw.id, error: domainError('ROLE', '角色不符', 'Wrong role') })
      continue
    }
    const event = { ...raw, payload: parsed.data }
    const error = slice.check(work, event, ctx)
    if (error) refused.push({ id: raw.id, error })
    else slice.apply(work, event, ctx)
  }
  return { state: slice.view(work), refused }
}

export function codes(f: Folded): string[] {
  return f.refused.map((r) => r.error.code)
}

/** An instant from a local (Asia/Shanghai) time, `2026-03-02T10:00`. */
export function local(isoLocal: string): number {
  const ms = Date.parse(`${isoLocal}+08:00`)
  if (Number.isNaN(ms)) throw new Error(`bad local time ${isoLocal}`)
  return ms
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
