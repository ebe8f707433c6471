import { type ClassificationPolicy, DEFAULT_CLASSIFICATION_POLICY } from '../src/classification-policy.ts'
import { createClassificationSlice } from '../src/classification-slice.ts'
import type { ClassificationState } from '../src/classification-state.ts'
import type { DirectoryUser, KeyDirectory } from '../src/key-directory.ts'
import type { SliceContext, SliceEvent } from '../src/register-slice.ts'
import { type DomainError, domainError } from '../src/result.ts'
import type { Role } from '../src/roles.ts'
import { DEFAULT_UNIT_POLICY } from '../src/unit-policy.ts'
import { DEFAULT_CALENDAR } from '../src/work-calendar.ts'

/** Test-only fold of the classification slice: what the unit fold does, minus signatures. */

export const UNIT = 'town-1'

function user(id: string, roles: Role[], unit = UNIT): [string, DirectoryUser] {
  return [id, { id, unit, roles, displayName: id, publicKey: '' }]
}

export const DIRECTORY: KeyDirectory = {
  users: Object.fromEntries([
    user('officer1', ['officer']),
    user('leader1', ['leader']),
    user('classifier1', ['classifier']),
    user('classifier2', ['classifier']),
    user('boss', ['leader', 'classifier']),
    user('far', ['classifier'], 'town-2'),
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
  readonly state: ClassificationState
  readonly refused: readonly Refused[]
}

export function byFoldOrder(a: SliceEvent, b: SliceEvent): number {
  return a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Sort by atMs then id, fork once, then per event: schema and role screen, check, apply or refuse. */
export function fold(
  events: readonly SliceEvent[],
  policy: ClassificationPolicy = DEFAULT_CLASSIFICATION_POLICY,
  ctx: SliceContext = CTX,
): Folded {
  const slice = createClassificationSlice(policy)
  const work = slice.fork(slice.empty())
  const refused: Refused[] = []
  for (const raw of [...events].sort(byFoldOrder)) {
    const def = slice.events[raw.type]
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

/** An instant from a local (Asia/Shanghai) time, `2026-03-02T10:00`. */
export function local(isoLocal: string): number {
  const ms = Date.parse(`${isoLocal}+08:00`)
  if (Number.isNaN(ms)) throw new Error(`bad local time ${isoLocal}`)
  return ms
}

export const DAY = 86_400_000

export function ev(id: string, type: string, actor: string, atMs: number, payload: unknown): SliceEvent {
  return { id, type, actor, atMs, payload }
}

export const proposal = (itemId: string, over: Record<string, unknown> = {}) => ({
  itemId,
  subject: '某项工作方案',
  docNumber: `镇发〔2026〕${itemId}号`,
  level: 'secret',
  periodYears: 10,
  scope: '镇领导班子',
  basis: { kind: 'derived', sourceDocNumber: '县委发〔2026〕1号' },
  ...over,
})

/** File classifier1 (by leader1), propose, review and approve item `itemId` from `t`, one hour apart. */
export function determined(itemId: string, t: number, over: Record<string, unknown> = {}): SliceEvent[] {
  const H = 3_600_000
  return [
    ev(`${itemId}-f`, 'classification.classifier_filed', 'leader1', t - H, {
      classifierId: 'classifier1',
      filingRef: '保备〔2026〕1号',
    }),
    ev(`${itemId}-p`, 'classification.proposed', 'officer1', t, proposal(itemId, over)),
    ev(`${itemId}-r`, 'classification.reviewed', 'classifier1', t + H, {
      itemId,
      proposalId: `${itemId}-p`,
      decision: 'approve',
    }),
    ev(`${itemId}-a`, 'classification.approved', 'leader1', t + 2 * H, { itemId, proposalId: `${itemId}-p` }),
  ]
}
