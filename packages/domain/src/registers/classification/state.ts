import type { Level } from '../../core/levels.ts'
import type { ClassificationBasis } from './events.ts'

/** State of the classification register. Items are immutable values, replaced on every change. */

export type ProposalKind = 'determine' | 'change_level' | 'change_period' | 'declassify'

export interface SignedStep {
  readonly eventId: string
  readonly by: string
  readonly atMs: number
}

/** An open proposal: a determination (D-01) or a change (D-05), on its way through review and approval. */
export interface Proposal {
  readonly id: string
  readonly kind: ProposalKind
  readonly level: Level
  /** As proposed: null = the level's maximum (D-03). */
  readonly periodYears: number | null
  readonly scope: string
  readonly proposedBy: string
  readonly proposedAtMs: number
  /** rule D-02: 10 calendar days after the first proposal. */
  readonly dueAtMs: number
  readonly review: SignedStep | null
}

export type Approver =
  | { readonly kind: 'leader'; readonly userId: string }
  | { readonly kind: 'superior'; readonly authority: string; readonly reference: string }

export interface Determination {
  readonly level: Level
  /** Resolved: an unspecified period is the level's maximum (D-03). */
  readonly periodYears: number
  readonly scope: string
  /** Local date the period runs from (the first determination; changes keep it). */
  readonly startOn: string
  readonly startAtMs: number
  /** rule D-07: the instant the item is declassified, start of the local anniversary day. */
  readonly expiresAtMs: number
  readonly approvedOn: string
  readonly approvedAtMs: number
  readonly approver: Approver
}

export type ItemStatus = 'pending' | 'returned' | 'escalated' | 'determined' | 'declassified' | 'not_secret'

export interface HistoryEntry {
  readonly eventId: string
  readonly type: string
  readonly by: string
  readonly atMs: number
  readonly note?: string
}

export interface ClassificationItem {
  readonly id: string
  readonly subject: string
  readonly docNumber: string | null
  readonly basis: ClassificationBasis
  readonly status: ItemStatus
  readonly pending: Proposal | null
  /** In force now (after changes). */
  readonly determination: Determination | null
  /** rule D-08: as first determined, for the year's 国家秘密事项登记表. */
  readonly firstDetermination: Determination | null
  readonly escalation: (SignedStep & { readonly authority: string }) | null
  readonly declassifiedAtMs: number | null
  readonly lastPeriodicReview: (SignedStep & { readonly outcome: string }) | null
  /** Approved changes (D-05), for D-06 reviews that record a change. */
  readonly changes: readonly { readonly kind: ProposalKind; readonly approvedAtMs: number }[]
  readonly history: readonly HistoryEntry[]
}

export interface FiledClassifier {
  readonly userId: string
  readonly filingRef: string
  readonly filedBy: string
  readonly filedAtMs: number
  readonly eventId: string
}

/** The mutable working object; fork copies the maps (items themselves are never mutated). */
export interface ClassificationWork {
  readonly items: Map<string, ClassificationItem>
  readonly classifiers: Map<string, FiledClassifier>
}

export interface ClassificationState {
  readonly items: ReadonlyMap<string, ClassificationItem>
  readonly classifiers: ReadonlyMap<string, FiledClassifier>
}
