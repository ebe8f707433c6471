import type { DirectoryUser, KeyDirectory } from '../src/key-directory.ts'
import type { RegisterSlice, SliceContext, SliceEvent } from '../src/register-slice.ts'
import type {
  ResponsibilityEventPayloads,
  ResponsibilitySliceEventType,
} from '../src/responsibility-events.ts'
import { bookContentHash, templateContentHash } from '../src/responsibility-hash.ts'
import { type DomainError, domainError } from '../src/result.ts'
import type { Role } from '../src/roles.ts'
import { DEFAULT_UNIT_POLICY } from '../src/unit-policy.ts'
import { DEFAULT_CALENDAR } from '../src/work-calendar.ts'

/**
 * Test-only stand-in for the unit fold, for any slice: sorts by atMs then id, screens actor, unit,
 * role and schema as the unit fold does, forks once, then check → apply or record the refusal.
 */

export const UNIT = 'town-1'

function user(id: string, roles: Role[], unit = UNIT): [string, DirectoryUser] {
  return [id, { id, unit, roles, displayName: id, publicKey: '' }]
}

export const DIRECTORY: KeyDirectory = {
  users: Object.fromEntries([
    user('officer1', ['officer']),
    user('leader1', ['leader']),
    user('leader2', ['leader']),
    user('classifier1', ['classifier']),
    user('boss', ['leader', 'classifier']),
    user('head1', ['staff']),
    user('head2', ['staff']),
    user('clerk', ['staff']),
    user('county1', ['county'], 'county-demo'),
    user('far', ['staff'], 'town-2'),
  ]),
}

export const CTX: SliceContext = {
  unit: UNIT,
  directory: DIRECTORY,
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}

export const COUNTY_CTX: SliceContext = { ...CTX, unit: 'county-demo' }

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

function screen<W, S>(
  slice: RegisterSlice<W, S>,
  event: SliceEvent,
  ctx: SliceContext,
): SliceEvent | DomainError {
  const def = Object.hasOwn(slice.events, event.type) ? slice.events[event.type] : undefined
  if (def === undefined) return domainError('UNKNOWN-TYPE', '未知事件类型', 'Unknown event type')
  const u = Object.hasOwn(ctx.directory.users, event.actor) ? ctx.directory.users[event.actor] : undefined
  if (u === undefined || u.unit !== ctx.unit || !def.roles.some((r) => u.roles.includes(r)))
    return domainError('ROLE', '角色不允许', 'Role not allowed')
  const parsed = def.schema.safeParse(event.payload)
  if (!parsed.success) return domainError('MALFORMED', '格式错误', 'Malformed payload')
  return { ...event, payload: parsed.data }
}

export function foldSlice<W, S>(
  slice: RegisterSlice<W, S>,
  events: readonly SliceEvent[],
  ctx: SliceContext = CTX,
): Folded<S> {
  const work = slice.fork(slice.empty())
  const refused: Refused[] = []
  for (const raw of [...events].sort(byFoldOrder)) {
    const event = screen(slice, raw, ctx)
    if ('code' in event) {
      refused.push({ eventId: raw.id, error: event })
      continue
    }
    const error = slice.check(work, event, ctx)
    if (error === null) slice.apply(work, event, ctx)
    else refused.push({ eventId: raw.id, error })
  }
  return { state: slice.view(work), refused }
}

export function codes(fold: Folded<unknown>): string[] {
  return fold.refused.map((r) => r.error.code)
}

/** Builds events with stable ids (`<prefix>001`, …) in creation order. */
export function eventBuilder<P extends object>(prefix = 'e') {
  let n = 0
  return function ev<T extends keyof P & string>(
    type: T,
    payload: P[T],
    atMs: number,
    actor = 'officer1',
  ): SliceEvent {
    n += 1
    return { id: `${prefix}${String(n).padStart(3, '0')}`, type, actor, atMs, payload }
  }
}

export const respEvent = () => eventBuilder<ResponsibilityEventPayloads>()

export const TEMPLATE: ResponsibilityEventPayloads['responsibility.template_published'] = {
  templateId: 'county-book',
  version: 1,
  title: '科室保密工作责任书',
  goals: ['全年不发生失泄密事件'],
  duties: ['落实涉密载体管理制度', '组织本科室人员参加保密教育'],
  rewards: ['年度考核加分'],
  penalties: ['发生泄密事件的，年度考核一票否决'],
}

export function adoption(
  template = TEMPLATE,
): ResponsibilityEventPayloads['responsibility.template_adopted'] {
  return { template, contentHash: templateContentHash(template) }
}

/** A book payload with the right hash for the given signers. */
export function bookDraft(
  overrides: Partial<Omit<ResponsibilityEventPayloads['responsibility.book_drafted'], 'contentHash'>> = {},
  template = TEMPLATE,
): ResponsibilityEventPayloads['responsibility.book_drafted'] {
  const base = {
    bookId: 'b1',
    year: 2026,
    departmentId: 'd1',
    templateId: template.templateId,
    templateVersion: template.version,
    unitSignerId: 'leader1',
    departmentSignerId: 'head1',
    ...overrides,
  }
  return { ...base, contentHash: bookContentHash({ ...base, templateHash: templateContentHash(template) }) }
}

export type RespType = ResponsibilitySliceEventType
