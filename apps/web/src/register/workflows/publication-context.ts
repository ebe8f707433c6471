import type { Role } from '@secledger/domain'
import {
  type LeakIncident,
  type PublicationItem,
  type ReviewerPost,
  reviewerKey,
} from '@secledger/domain/registers/publication'
import type { Bilingual, FieldOption } from '@secledger/ui/logic'
import type { PageBase } from '../page-config.ts'
import type { PublicationRow } from '../publication/publication-rows.ts'
import { bi, displayName, type Step } from './workflow.ts'

/**
 * What the publication page knows when it offers a step (rules R-01..R-06): the page, an item under
 * review or a leak found online. Steps are offered by the row's state and by who is looking (role,
 * designation, post); the four-eyes rule and the rest are the domain's, refused in the dialog.
 */
export interface PublicationContext extends PageBase {
  readonly row: PublicationRow | null
}

export type PublicationStep = Step<PublicationContext>

export const itemOf = (ctx: PublicationContext): PublicationItem | null =>
  ctx.row?.kind === 'item' ? ctx.row.item : null
export const openLeak = (ctx: PublicationContext): LeakIncident | null =>
  ctx.row?.kind === 'leak' && ctx.row.incident.closedAt === null ? ctx.row.incident : null
export const itemIn = (
  ctx: PublicationContext,
  ...states: PublicationItem['state'][]
): PublicationItem | null => {
  const item = itemOf(ctx)
  return item !== null && states.includes(item.state) ? item : null
}

export function rolesOf(ctx: PublicationContext): readonly Role[] {
  return ctx.directory?.users[ctx.userId]?.roles ?? []
}
export const hasRole = (ctx: PublicationContext, ...roles: Role[]) =>
  rolesOf(ctx).some((r) => roles.includes(r))
/** Who may sign the register's events at all (PUBLICATION_EVENTS: officer, leader, classifier, staff). */
export const isMember = (ctx: PublicationContext) => hasRole(ctx, 'officer', 'leader', 'classifier', 'staff')
/** Who keeps the bureau's reply and a leak's handling (KEEPERS). */
export const isKeeper = (ctx: PublicationContext) => ctx.isOfficer || ctx.isLeader

/** rules: the designations a leader made (section head, 保密审查责任人). */
export function designated(ctx: PublicationContext, post: ReviewerPost): string[] {
  const prefix = reviewerKey(post, '')
  return [...ctx.state.registers.publication.reviewers.keys()]
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
}
/** rules, B-04: who holds the post in the organisation register now. */
export function postHolder(
  ctx: PublicationContext,
  post: 'responsible_leader' | 'classifier',
): string | null {
  return ctx.state.registers.responsibility.posts.get(post)?.userId ?? null
}
export const names = (ctx: PublicationContext, ids: readonly string[]) =>
  ids.map((id) => displayName(ctx.directory, id)).join('、')

export function unitUsers(ctx: PublicationContext): FieldOption[] {
  const unit = ctx.directory?.users[ctx.userId]?.unit
  return Object.values(ctx.directory?.users ?? {})
    .filter((u) => u.unit === unit)
    .map((u) => ({ value: u.id, label: bi(u.displayName, u.displayName) }))
}

export const itemRef = (ctx: PublicationContext) => ({ itemId: ctx.row?.id ?? '' })
export const incidentRef = (ctx: PublicationContext) => ({ incidentId: ctx.row?.id ?? '' })

export const NOTE_HINT = bi(
  '只写要点，不录入拟公开的正文（规则 S-01）；保存前自动筛查密级标志和敏感词（规则 S-03）',
  'Key points only, never the text to be published (rule S-01); screened for markings before saving (rule S-03)',
)

export const POST_LABEL: Readonly<Record<ReviewerPost, Bilingual>> = {
  section_head: bi('科室负责人（初审）', 'Section head (first review)'),
  review_officer: bi('保密审查责任人（确认不予公开）', 'Review officer (confirms withholding)'),
}
export const postOptions: FieldOption[] = (['section_head', 'review_officer'] as const).map((p) => ({
  value: p,
  label: POST_LABEL[p],
}))

// ——— page steps ———
