import type { Level } from '../../core/levels.ts'
import type { ReviewCapacity, ReviewerPost } from './events.ts'

export type PublicationItemState =
  | 'submitted'
  | 'first_passed'
  | 'approved'
  | 'escalated'
  | 'returned'
  | 'not_publishable'
  | 'withholding'
  | 'withheld'
  | 'published'

export interface ReviewRecord {
  readonly capacity: ReviewCapacity
  readonly by: string
  readonly at: number
  readonly decision: 'pass' | 'return'
  readonly eventId: string
}

export interface WithholdingRecord {
  readonly kind: 'exempt' | 'deferred'
  readonly reason: string
  readonly proposedBy: string
  readonly proposedAt: number
  readonly eventId: string
  readonly confirmations: readonly {
    readonly capacity: 'review_officer' | 'responsible_leader'
    readonly by: string
    readonly at: number
    readonly eventId: string
  }[]
}

/** rule R-03: the register line of a published item. */
export interface PublicationRecord {
  readonly publishedAt: number
  readonly publisher: string
  /** The responsible leader who passed the second review, or the bureau's reply reference. */
  readonly approver: string
  readonly channel: string
  readonly scope: string
  readonly eventId: string
}

/** One item under publication review. Immutable: apply replaces it. */
export interface PublicationItem {
  readonly id: string
  readonly eventId: string
  readonly title: string
  readonly channel: string
  readonly scope: string
  readonly submitter: string
  readonly submittedAt: number
  readonly state: PublicationItemState
  readonly reviews: readonly ReviewRecord[]
  /** When the review completed (both second-step passes, or the bureau's "publish"). */
  readonly approvedAt: number | null
  readonly approver: string | null
  readonly escalation: {
    readonly bureau: string
    readonly at: number
    readonly eventId: string
    readonly reply: {
      readonly decision: 'publish' | 'not_publish'
      readonly ref: string
      readonly at: number
    } | null
  } | null
  readonly withholding: WithholdingRecord | null
  readonly publication: PublicationRecord | null
  /** rule R-06: taken down after a leak finding. */
  readonly takenDownAt: number | null
}

/** rule R-06: classified content found online (an incident-like record). */
export interface LeakIncident {
  readonly id: string
  readonly eventId: string
  readonly foundAt: number
  readonly recordedAt: number
  readonly location: string
  readonly level: Level
  readonly itemId: string | null
  readonly takenDownAt: number | null
  readonly tracedAt: number | null
  readonly reportedAt: number | null
  readonly reportRef: string | null
  readonly closedAt: number | null
}

export interface PublicationWork {
  readonly items: Map<string, PublicationItem>
  /** `${post}:${userId}` → designation time. */
  readonly reviewers: Map<string, number>
  readonly incidents: Map<string, LeakIncident>
}

export interface PublicationState {
  readonly items: ReadonlyMap<string, PublicationItem>
  readonly reviewers: ReadonlyMap<string, number>
  readonly incidents: ReadonlyMap<string, LeakIncident>
}

export function reviewerKey(post: ReviewerPost, userId: string): string {
  return `${post}:${userId}`
}

export function emptyPublicationWork(): PublicationWork {
  return { items: new Map(), reviewers: new Map(), incidents: new Map() }
}

export function forkPublicationWork(work: PublicationWork): PublicationWork {
  return {
    items: new Map(work.items),
    reviewers: new Map(work.reviewers),
    incidents: new Map(work.incidents),
  }
}

export function viewPublicationWork(work: PublicationWork): PublicationState {
  return { items: work.items, reviewers: work.reviewers, incidents: work.incidents }
}
