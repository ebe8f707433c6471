import type { Level } from '../../core/levels.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import type { DeviceKind, NetworkClass } from './events.ts'

/** State of the device register. Entries are immutable values, replaced on every change. */

export type { DeviceStatus } from '../../core/unit-view.ts'

import type { DeviceStatus } from '../../core/unit-view.ts'

export interface DeviceRepair {
  readonly eventId: string
  readonly approvalId: string | null
  readonly site: 'designated' | 'on_site'
  readonly repairer: string
  readonly supervisor: string | null
  readonly diskRemoved: boolean
  readonly startedAt: number
  readonly returnedAt: number | null
  readonly checkedAt: number | null
  readonly passed: boolean | null
}

export interface DeviceDisposal {
  readonly eventId: string
  readonly kind: 'replace' | 'scrap'
  readonly approvalId: string | null
  readonly diskTo: 'bureau' | 'kept_classified'
  readonly diskReceipt: string | null
  readonly at: number
}

/** One entry of the register (rule M-01). */
export interface Device {
  readonly id: string
  readonly eventId: string
  readonly number: string
  readonly kind: DeviceKind
  readonly classified: boolean
  readonly level: Level | null
  /** rule M-09: once classified (or once it stored a classified file), managed as classified for good. */
  readonly everClassified: boolean
  /** 责任人 / keeper / owner (rules M-01, M-07, M-08). */
  readonly responsible: string
  readonly assignedAt: number
  readonly registeredAt: number
  readonly status: DeviceStatus
  /** rule M-03: for a classified medium, the classified computers it is bound to. */
  readonly boundTo: readonly string[]
  readonly connections: readonly {
    readonly eventId: string
    readonly network: NetworkClass
    readonly networkId: string | null
    readonly at: number
  }[]
  /** rule M-11: for a 涉密网络, the bureau's test and approval. */
  readonly networkApproval: { readonly testRef: string; readonly at: number } | null
  readonly repairs: readonly DeviceRepair[]
  /** rule M-09: the latest technical sanitization. */
  readonly sanitizedAt: number | null
  readonly lastSoftwareCheckAt: number | null
  readonly disposal: DeviceDisposal | null
}

export type DeviceApprovalKind = 'repair' | 'replace' | 'scrap' | 'reuse' | 'use'

export interface DeviceApproval {
  readonly id: string
  readonly kind: DeviceApprovalKind
  readonly deviceId: string
  readonly by: string
  readonly at: number
  /** rule M-10: the approved user and the end of the approval. */
  readonly user: string | null
  readonly untilMs: number | null
  /** Id of the event that consumed a single-use approval (repair, disposal, reuse). */
  readonly usedBy: string | null
}

/** rule B-05: the latest responsibility book of a user. */
export interface UserBook {
  readonly bookId: string
  readonly eventId: string
  readonly user: string
  readonly leader: string
  readonly signedAt: number
}

export type DeviceAnomalyKind =
  | 'public_network_connection'
  | 'medium_misuse'
  | 'classified_on_unclassified'
  | 'security_check_failed'
  | 'software_check_failed'
  | 'phones_check_failed'

export interface DeviceAnomaly {
  /** The id of the event that opened it. */
  readonly id: string
  readonly kind: DeviceAnomalyKind
  readonly deviceId: string | null
  readonly relatedId: string | null
  readonly openedAt: number
  readonly resolvedAt: number | null
  readonly resolvedBy: string | null
  readonly note: string | null
}

/** rules M-05, M-11: an item to be filed with the secrecy bureau (报市国家保密局备案). */
export interface BureauFiling {
  readonly key: string
  readonly deviceId: string
  readonly subject: 'disposal' | 'repair' | 'config'
  readonly refId: string
  readonly since: number
  readonly filedAt: number | null
  readonly filingRef: string | null
}

export interface UseLogEntry {
  readonly eventId: string
  readonly deviceId: string
  readonly user: string
  readonly approvalId: string | null
  readonly at: number
}

export interface MediumUse {
  readonly eventId: string
  readonly mediumId: string
  readonly computerId: string
  readonly at: number
}

export interface DeviceCheck {
  readonly eventId: string
  readonly checkId: string
  readonly item: 'software' | 'phones_excluded'
  readonly deviceId: string | null
  readonly passed: boolean
  readonly at: number
}

/** The mutable working object; fork copies the containers (entries themselves are never mutated). */
export interface DeviceWork {
  readonly devices: Map<string, Device>
  readonly numbers: Set<string>
  readonly books: Map<string, UserBook>
  readonly approvals: Map<string, DeviceApproval>
  readonly anomalies: Map<string, DeviceAnomaly>
  readonly filings: Map<string, BureauFiling>
  readonly useLog: UseLogEntry[]
  readonly mediumUses: MediumUse[]
  readonly checks: DeviceCheck[]
  readonly checkIds: Set<string>
}

export interface DeviceState {
  readonly devices: ReadonlyMap<string, Device>
  readonly books: ReadonlyMap<string, UserBook>
  readonly approvals: ReadonlyMap<string, DeviceApproval>
  readonly anomalies: ReadonlyMap<string, DeviceAnomaly>
  readonly filings: ReadonlyMap<string, BureauFiling>
  readonly useLog: readonly UseLogEntry[]
  readonly mediumUses: readonly MediumUse[]
  readonly checks: readonly DeviceCheck[]
}

export function emptyDeviceWork(): DeviceWork {
  return {
    devices: new Map(),
    numbers: new Set(),
    books: new Map(),
    approvals: new Map(),
    anomalies: new Map(),
    filings: new Map(),
    useLog: [],
    mediumUses: [],
    checks: [],
    checkIds: new Set(),
  }
}

export function forkDeviceWork(work: DeviceWork): DeviceWork {
  return {
    devices: new Map(work.devices),
    numbers: new Set(work.numbers),
    books: new Map(work.books),
    approvals: new Map(work.approvals),
    anomalies: new Map(work.anomalies),
    filings: new Map(work.filings),
    useLog: [...work.useLog],
    mediumUses: [...work.mediumUses],
    checks: [...work.checks],
    checkIds: new Set(work.checkIds),
  }
}

export function viewDeviceWork(work: DeviceWork): DeviceState {
  return {
    devices: work.devices,
    books: work.books,
    approvals: work.approvals,
    anomalies: work.anomalies,
    filings: work.filings,
    useLog: work.useLog,
    mediumUses: work.mediumUses,
    checks: work.checks,
  }
}

/**
 * rules B-05, B-02: a book is valid while the leader who signed it still holds a signing post in the
 * organisation register (`postsOf`, B-04); without the unit view only its existence can be checked.
 */
export function hasValidBook(
  state: Pick<DeviceState, 'books'>,
  user: string,
  postsOf?: (userId: string) => readonly UnitPost[],
): boolean {
  const book = state.books.get(user)
  if (book === undefined) return false
  return postsOf === undefined || BOOK_SIGNER_POSTS.some((p) => postsOf(book.leader).includes(p))
}

/** rule B-05: the 单位责任领导 who signs users' books: the 分管保密工作领导 or the 第一责任人 (B-04). */
export const BOOK_SIGNER_POSTS: readonly UnitPost[] = ['responsible_leader', 'first_responsible']

/** rule B-05: the responsibility book covers users of computers and removable media. */
export function needsUserBook(kind: DeviceKind): boolean {
  return kind === 'computer' || kind === 'medium'
}

export function isRetired(d: Device): boolean {
  return d.status === 'replaced' || d.status === 'scrapped'
}
