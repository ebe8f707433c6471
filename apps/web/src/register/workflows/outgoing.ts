import type { OutgoingContext, OutgoingStep } from './outgoing-context.ts'
import {
  archiveHere,
  fileRecipientArchive,
  reconcileOutgoing,
  recoverCopies,
  resolveOutgoingAnomaly,
  sendOutgoing,
} from './outgoing-copies.ts'
import { approveOutgoing, issueOutgoing } from './outgoing-issue.ts'
import { collectMeeting, handOutMeeting, returnToIssuer, scheduleReturn } from './outgoing-meeting.ts'
import { destroyMaterial, keepMaterial, lockMaterial, printOutgoing } from './outgoing-print.ts'

export type { OutgoingContext, OutgoingStep } from './outgoing-context.ts'

/** The 发文登记's steps (rules C-09, C-14, C-15, C-20), by what they act on, in the order offered. */

/** On a document's row (更多), in the order of its course. */
export const DOCUMENT_STEPS: readonly OutgoingStep[] = [
  issueOutgoing,
  printOutgoing,
  lockMaterial,
  destroyMaterial,
  keepMaterial,
  sendOutgoing,
  archiveHere,
  fileRecipientArchive,
  recoverCopies,
  reconcileOutgoing,
]

/** The page's own steps (button row): a new sign-out, a meeting, superior units' documents. */
export const PAGE_STEPS: readonly OutgoingStep[] = [
  approveOutgoing,
  handOutMeeting,
  scheduleReturn,
  returnToIssuer,
]

export const MEETING_STEPS: readonly OutgoingStep[] = [collectMeeting]
export const ANOMALY_STEPS: readonly OutgoingStep[] = [resolveOutgoingAnomaly]

/** The steps of `list` this user may take in this context now. */
export function outgoingStepsFor(list: readonly OutgoingStep[], ctx: OutgoingContext): OutgoingStep[] {
  return list.filter((s) => s.available(ctx))
}
