import type { SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { UnitPost } from '../../../src/core/unit-view.ts'
import {
  type ClassificationPolicy,
  DEFAULT_CLASSIFICATION_POLICY,
} from '../../../src/registers/classification/policy.ts'
import { createClassificationSlice } from '../../../src/registers/classification/slice.ts'
import type { ClassificationItem, ClassificationState } from '../../../src/registers/classification/state.ts'
import { sliceContext } from '../../support/slice-fixtures.ts'
import {
  contextWithView,
  foldSlice,
  refusalCodes,
  type SliceFold,
  testUnitView,
} from '../../support/slice-fold.ts'

export { local } from '../../support/fixtures.ts'

/** The classification register's users; `far` is a classifier of another unit. */
const USERS = sliceContext({
  officer1: ['officer'],
  leader1: ['leader'],
  classifier1: ['classifier'],
  classifier2: ['classifier'],
  boss: ['leader', 'classifier'],
  // Officers who also hold a classifier or leader role (four eyes across roles).
  clerk: ['officer', 'classifier'],
  chief: ['officer', 'leader'],
  far: { roles: ['classifier'], unit: 'town-2' },
})

/**
 * Organisation posts (B-04) the steps read: leader1 the 分管领导 (approves, D-01), the classifiers the
 * 定密责任人 (review, D-09), boss the main leader who is also a classifier (four eyes). A static view:
 * the organisation register itself keeps one classifier at a time.
 */
export const POSTS: Readonly<Record<string, readonly UnitPost[]>> = {
  leader1: ['responsible_leader'],
  classifier1: ['classifier'],
  classifier2: ['classifier'],
  boss: ['first_responsible', 'classifier'],
  clerk: ['classifier'],
  chief: ['responsible_leader'],
}

/** The register's context with the organisation posts `posts` in its unit view. */
export function withPosts(posts: Readonly<Record<string, readonly UnitPost[]>> = POSTS): SliceContext {
  return contextWithView(testUnitView({ posts }), USERS)
}

export const CTX: SliceContext = withPosts()

/** The classification register under `policy` folded alone (slice-fold.ts). */
export function fold(
  events: readonly SliceEvent[],
  policy: ClassificationPolicy = DEFAULT_CLASSIFICATION_POLICY,
  ctx: SliceContext = CTX,
): SliceFold<ClassificationState> {
  return foldSlice(createClassificationSlice(policy), events, ctx)
}

/** Item `id` once `events` are folded; throws when there is none. */
export function item(events: readonly SliceEvent[], id = 'i1'): ClassificationItem {
  const it = fold(events).state.items.get(id)
  if (!it) throw new Error(`no item ${id}`)
  return it
}

/** The refusal codes of folding `events` under `policy`. */
export function codes(events: readonly SliceEvent[], policy = DEFAULT_CLASSIFICATION_POLICY): string[] {
  return refusalCodes(fold(events, policy))
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
