import type { EmploymentType, PersonnelApprovalSubject } from './events.ts'
import type { SecrecyPostLevel } from './policy.ts'
import type { TrainingKind } from './training-events.ts'

/** State of the personnel and training register. Entries are immutable values, replaced on change. */

export interface Filing {
  readonly post: string
  readonly level: SecrecyPostLevel
  readonly filingRef: string
  readonly eventId: string
  readonly atMs: number
}

export interface Certificate {
  readonly number: string
  readonly eventId: string
  readonly atMs: number
}

export interface Commitment {
  readonly kind: 'on_post' | 'departure'
  readonly documentRef: string | null
  readonly eventId: string
  readonly atMs: number
}

export interface Post {
  readonly post: string
  readonly level: SecrecyPostLevel
  readonly filingRef: string
  readonly certificateNumber: string
  readonly approvalId: string
  readonly eventId: string
  readonly sinceMs: number
}

/** rule P-03: a departure from a classified post and its 脱密期. */
export interface Departure {
  readonly eventId: string
  readonly post: string
  readonly level: SecrecyPostLevel
  readonly approvalId: string
  /** The 脱密期 runs from the approval of leaving (P-03). */
  readonly approvedAtMs: number
  /** When the post was taken (for the year's figures). */
  readonly onPostSinceMs: number
  readonly leftAtMs: number
  readonly decontaminationMonths: number
  /** Start of the local day the period ends on (the months' anniversary of the approval day). */
  readonly decontaminationEndsAtMs: number
  /** rule C-12: attested; the unit fold cross-checks it against the carrier register. */
  readonly carrierIds: readonly string[]
}

export interface Travel {
  readonly eventId: string
  readonly approvalId: string
  readonly departsOn: string
  readonly returnsOn: string
  readonly destination: string
  readonly atMs: number
}

export interface Person {
  readonly id: string
  readonly eventId: string
  readonly name: string
  readonly employmentType: EmploymentType
  readonly startsOn: string
  readonly userId: string | null
  readonly registeredAtMs: number
  readonly leftUnitOn: string | null
  /** The current filing for a post (cleared when the post is left: access revoked, P-03). */
  readonly filing: Filing | null
  /** The current certificate (withdrawn when the post is left). */
  readonly certificate: Certificate | null
  readonly commitments: readonly Commitment[]
  readonly post: Post | null
  readonly departures: readonly Departure[]
  readonly travels: readonly Travel[]
}

/** rule P-04: a leader's signed review; each is used once. */
export interface PersonnelApproval {
  readonly id: string
  readonly personId: string
  readonly subject: PersonnelApprovalSubject
  readonly by: string
  readonly atMs: number
  readonly decontaminationMonths: number | null
  /** The event that used it, or null. */
  readonly usedBy: string | null
}

export interface Attendance {
  readonly personId: string
  readonly score: number | null
  readonly eventId: string
}

export interface TrainingSession {
  readonly id: string
  readonly eventId: string
  readonly kind: TrainingKind
  readonly heldOn: string
  readonly hours: number
  readonly topic: string
  readonly attendees: readonly Attendance[]
  readonly recordedAtMs: number
}

export interface TrainingPlan {
  readonly year: number
  readonly planRef: string
  readonly plannedSessions: number
  readonly eventId: string
  readonly by: string
  readonly atMs: number
}

/** The slice's working object; fork copies the maps (entries themselves are never mutated). */
export interface PersonnelWork {
  readonly persons: Map<string, Person>
  readonly approvals: Map<string, PersonnelApproval>
  readonly sessions: Map<string, TrainingSession>
  readonly plans: Map<number, TrainingPlan>
}

export interface PersonnelState {
  readonly persons: ReadonlyMap<string, Person>
  readonly approvals: ReadonlyMap<string, PersonnelApproval>
  readonly sessions: ReadonlyMap<string, TrainingSession>
  readonly plans: ReadonlyMap<number, TrainingPlan>
}

export function emptyPersonnelWork(): PersonnelWork {
  return { persons: new Map(), approvals: new Map(), sessions: new Map(), plans: new Map() }
}

export function forkPersonnelWork(work: PersonnelWork): PersonnelWork {
  return {
    persons: new Map(work.persons),
    approvals: new Map(work.approvals),
    sessions: new Map(work.sessions),
    plans: new Map(work.plans),
  }
}

export function viewPersonnelWork(work: PersonnelWork): PersonnelState {
  return { persons: work.persons, approvals: work.approvals, sessions: work.sessions, plans: work.plans }
}
