import { type ChainPart, requirePost } from '../../core/approvals.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import type { DomainError } from '../../core/result.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import type { MovementEventType } from './events.ts'
import type { MovementRule, MovementSliceEvent } from './rules.ts'
import type { MovementApproval, MovementApprovalKind } from './state.ts'

/**
 * Who signs the movement register's approvals: the post comes from the organisation register at the
 * event's time (rule B-04, `requirePost`), and the people of one chain are distinct (`distinctHands`).
 */

/**
 * rule B-04: the posts that may sign each approval, in the order the record names the one held.
 * 主要领导 = first_responsible, 主管/分管领导 = responsible_leader, 办公室主任 = office_head.
 * C-03: any leader post (001 篇15 一2 names none); C-06: our side's main or 主管 leader (004 五);
 * C-08: the main leader, the 主管 leader only where the county allows it (checked with the carriers);
 * C-16: the 主管领导, or the main leader above them; C-21: the office head (001 篇15 二4).
 */
export const APPROVER_POSTS: Readonly<Record<MovementApprovalKind | 'loan_extension', readonly UnitPost[]>> =
  {
    scope_widening: ['first_responsible', 'responsible_leader', 'office_head'],
    loan_out: ['first_responsible', 'responsible_leader'],
    loan_extension: ['first_responsible', 'responsible_leader'],
    borrow_in: ['first_responsible', 'responsible_leader'],
    carry_out: ['first_responsible', 'responsible_leader'],
    electronic_use: ['responsible_leader', 'first_responsible'],
    consultation: ['office_head'],
  }

/** The first of `posts` the person holds now, or null (no view, or none held). */
export function heldPost(ctx: SliceContext, person: string, posts: readonly UnitPost[]): UnitPost | null {
  const held = ctx.view?.postsOf(person) ?? []
  return posts.find((p) => held.includes(p)) ?? null
}

/** rule B-04: the signer of `event` holds one of the posts of approvals of `kind`. */
export function checkApprover(
  kind: MovementApprovalKind | 'loan_extension',
  rule: MovementRule,
  event: SliceEvent,
  ctx: SliceContext,
): DomainError | null {
  return requirePost(rule, ctx.view, event.actor, APPROVER_POSTS[kind])
}

/** One part of an approval chain, for distinctHands. */
export function part(zh: string, en: string, person: string): ChainPart {
  return { zh, en, person: person.trim() }
}

export const APPROVER = (person: string) => part('批准领导', 'approving leader', person)
export const REGISTRAR = (person: string) => part('经办保密员', 'registering officer', person)

const APPROVAL_KIND: Partial<Record<MovementEventType, MovementApprovalKind>> = {
  'movement.scope_widening_approved': 'scope_widening',
  'movement.loan_out_approved': 'loan_out',
  'movement.borrow_in_approved': 'borrow_in',
  'movement.carry_out_approved': 'carry_out',
  'movement.electronic_use_approved': 'electronic_use',
  'movement.consultation_approved': 'consultation',
}

function typed<T extends MovementEventType>(event: SliceEvent, _type: T): MovementSliceEvent<T> {
  return event as MovementSliceEvent<T>
}

/** An approval event as recorded: the signer, the post they held (checked), the subject; single-use. */
export function approvalOf(
  event: SliceEvent,
  type: MovementEventType,
  ctx: SliceContext,
): MovementApproval | null {
  const kind = APPROVAL_KIND[type]
  if (kind === undefined) return null
  const posts = APPROVER_POSTS[kind]
  const post = heldPost(ctx, event.actor, posts) ?? (posts[0] as UnitPost)
  const base = { id: event.id, by: event.actor, post, at: event.atMs, usedBy: null }
  switch (type) {
    case 'movement.scope_widening_approved': {
      const p = typed(event, type).payload
      return { ...base, kind: 'scope_widening', carrierId: p.carrierId, readers: p.readers }
    }
    case 'movement.loan_out_approved': {
      const p = typed(event, type).payload
      return {
        ...base,
        kind: 'loan_out',
        carrierIds: p.carrierIds,
        archiveFileIds: p.archiveFileIds ?? [],
        borrower: p.borrower,
        specialReason: p.specialReason ?? null,
      }
    }
    case 'movement.borrow_in_approved': {
      const p = typed(event, type).payload
      return { ...base, kind: 'borrow_in', lender: p.lender, itemIds: p.itemIds }
    }
    case 'movement.carry_out_approved': {
      const p = typed(event, type).payload
      return {
        ...base,
        kind: 'carry_out',
        carrierIds: p.carrierIds,
        abroad: p.abroad,
        foreignAffairs: p.foreignAffairs,
      }
    }
    case 'movement.electronic_use_approved': {
      const p = typed(event, type).payload
      return { ...base, kind: 'electronic_use', carrierId: p.carrierId, action: p.action, user: p.user }
    }
    case 'movement.consultation_approved': {
      const p = typed(event, type).payload
      return { ...base, kind: 'consultation', archiveFileIds: p.archiveFileIds, consultant: p.consultant }
    }
    default:
      return null
  }
}
