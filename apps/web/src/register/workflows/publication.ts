import type { PublicationStep } from './publication-context.ts'
import {
  closeLeak,
  recordLeak,
  recordLeakOfItem,
  reportLeak,
  takeDownLeak,
  traceLeak,
} from './publication-leak.ts'
import {
  assignReviewPost,
  confirmByLeader,
  confirmByReviewOfficer,
  designateReviewer,
  escalateItem,
  proposeWithholding,
  publishItem,
  recordBureauReply,
  reviewByClassifier,
  reviewByLeader,
  reviewFirst,
  revokeReviewer,
  submitItem,
} from './publication-review.ts'

/** The publication review register's steps (rules R-01..R-06), by where the page offers them. */
export * from './publication-context.ts'
export * from './publication-leak.ts'
export * from './publication-review.ts'

export const PUBLICATION_PAGE_STEPS: readonly PublicationStep[] = [
  submitItem,
  recordLeak,
  designateReviewer,
  revokeReviewer,
  assignReviewPost,
]
export const PUBLICATION_ROW_STEPS: readonly PublicationStep[] = [
  reviewFirst,
  reviewByLeader,
  reviewByClassifier,
  publishItem,
  escalateItem,
  recordBureauReply,
  proposeWithholding,
  confirmByReviewOfficer,
  confirmByLeader,
  recordLeakOfItem,
  takeDownLeak,
  traceLeak,
  reportLeak,
  closeLeak,
]
