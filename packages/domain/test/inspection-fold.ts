import type { IncidentEventPayloads } from '../src/incident-events.ts'
import type { InspectionEventPayloads } from '../src/inspection-events.ts'
import type { DirectoryUser, KeyDirectory } from '../src/key-directory.ts'
import type { RegisterSlice, SliceContext, SliceEvent } from '../src/register-slice.ts'
import { type DomainError, domainError } from '../src/result.ts'
import type { Role } from '../src/roles.ts'
import { DEFAULT_UNIT_POLICY } from '../src/unit-policy.ts'
import { DEFAULT_CALENDAR } from '../src/work-calendar.ts'

/** Test-only fold of the inspection and incident slices: what the unit fold does, minus signatures. */

export const UNIT = 'town-1'

function user(id: string, roles: Role[], unit = UNIT): [string, DirectoryUser] {
  return [id, { id, unit, roles, displayName: id, publicKey: '' }]
}

export const DIRECTORY: KeyDirectory = {
  users: Object.fromEntries([
    user('officer1', ['officer']),
    user('officer3', ['officer']),
    user('leader1', ['leader']),
    user('staff1', ['staff']),
    user('far', ['officer'], 'town-2'),
  ]),
}

export const CTX: SliceContext = {
  unit: UNIT,
  directory: DIRECTORY,
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}

export interface Refused {
  readonly eventId: string
  readonly error: DomainError
}

export interface Folded<S> {
  readonly state: S
  readonly refused: readonly Refused[]
}

export function byFoldOrder(a: SliceEvent, b: SliceEvent): number {
  return a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Sort by atMs then id, fork once, then per event: type, role and schema screen, check, apply or refuse. */
export function foldSlice<W, S>(
  slice: RegisterSlice<W, S>,
  events: readonly SliceEvent[],
  ctx: SliceContext = CTX,
): Folded<S> {
  const work = slice.fork(slice.empty())
  const refused: Refused[] = []
  for (const raw of [...events].sort(byFoldOrder)) {
    const def = Object.hasOwn(slice.events, raw.type) ? slice.events[raw.type] : undefined
    const actor = ctx.directory.users[raw.actor]
    let error: DomainError | null = null
    let event = raw
    if (def === undefined) error = domainError('UNKNOWN-TYPE', '未知事件类型', 'Unknown event type')
    else if (
      actor === undefined ||
      actor.unit !== ctx.unit ||
      !def.roles.some((r) => actor.roles.includes(r))
    )
      error = domainError('ROLE', '角色不允许', 'Role not allowed')
    else {
      const parsed = def.schema.safeParse(raw.payload)
      if (!parsed.success) error = domainError('MALFORMED', '格式错误', 'Malformed payload')
      else {
        event = { ...raw, payload: parsed.data }
        error = slice.check(work, event, ctx)
      }
    }
    if (error === null) slice.apply(work, event, ctx)
    else refused.push({ eventId: raw.id, error })
  }
  return { state: slice.view(work), refused }
}

type Payloads = InspectionEventPayloads & IncidentEventPayloads

/** Builds events with stable ids (`e001`, `e002`, …) in creation order. */
export function eventBuilder() {
  let n = 0
  return function ev<T extends keyof Payloads>(
    type: T,
    payload: Payloads[T],
    atMs: number,
    actor = 'officer1',
  ): SliceEvent {
    n += 1
    return { id: `e${String(n).padStart(3, '0')}`, type, actor, atMs, payload }
  }
}

export function codes<S>(fold: Folded<S>): string[] {
  return fold.refused.map((r) => r.error.code)
}

export const ALL_AREAS = [
  'documents',
  'classification',
  'publication',
  'computers_media',
  'lending_archiving',
  'telegrams',
  'education',
  'responsibility',
  'leader_reports',
  'facilities',
]

export function inspection(
  overrides: Partial<InspectionEventPayloads['inspection.recorded']> = {},
): InspectionEventPayloads['inspection.recorded'] {
  return {
    inspectionId: 'i1',
    kind: 'quarterly',
    heldOn: '2026-03-02',
    inspectors: ['李镇长', '王保密'],
    checklistId: 'default-1',
    areasChecked: ALL_AREAS,
    ...overrides,
  }
}

export function finding(
  overrides: Partial<InspectionEventPayloads['inspection.finding_recorded']> = {},
): InspectionEventPayloads['inspection.finding_recorded'] {
  return {
    findingId: 'f1',
    inspectionId: 'i1',
    area: 'computers_media',
    severity: 'general',
    responsible: 'staff1',
    dueOn: '2026-03-31',
    ...overrides,
  }
}
