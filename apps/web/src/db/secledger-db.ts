import type { DirectoryUser, DomainError, EventEnvelope, KeyDirectory, WrappedKey } from '@secledger/domain'
import Dexie, { type EntityTable } from 'dexie'
import type { SessionUser } from '../auth/session-user.ts'

/** A login cached for offline use: the password-wrapped signing key never leaves it unwrapped. */
export interface CachedAccount {
  readonly userId: string
  readonly user: SessionUser
  readonly wrappedKey: WrappedKey
  readonly directory: KeyDirectory
  readonly cachedAt: number
}

/** One Yjs update of a doc, binary as received or produced (STYLE 9: never re-encoded as JSON). */
export interface DocUpdateRow {
  seq?: number
  readonly docName: string
  readonly update: Uint8Array
}

/** An event signed here and not yet acknowledged by the server (ARCHITECTURE decision 5). */
export interface OutboxRow {
  readonly id: string
  readonly unit: string
  readonly envelope: EventEnvelope
  readonly createdAt: number
  /**
   * Carried by a refused message together with other events: which one the server objected to is
   * unknown, so after the rebuild it is sent again alone (see sync/replica-recovery.ts).
   */
  readonly suspect?: boolean
}

/**
 * An event the server refused (ERROR 101 with its message as the only event): kept, shown to the
 * officer as 被拒绝的记录, never sent again and never deleted silently.
 */
export interface QuarantineRow {
  readonly id: string
  readonly unit: string
  readonly envelope: EventEnvelope
  readonly error: DomainError
  readonly createdAt: number
  readonly refusedAt: number
}

export interface MetaRow {
  readonly key: string
  readonly value: unknown
}

export const DB_NAME = 'secledger'

export type SecLedgerDb = Dexie & {
  accounts: EntityTable<CachedAccount, 'userId'>
  docUpdates: EntityTable<DocUpdateRow, 'seq'>
  outbox: EntityTable<OutboxRow, 'id'>
  meta: EntityTable<MetaRow, 'key'>
  quarantine: EntityTable<QuarantineRow, 'id'>
}

/**
 * The local replica. Schema versions are append-only (STYLE 8).
 * Strict durability: Chrome's default relaxed commits can lose what the officer typed on a power cut.
 */
export function openSecLedgerDb(name: string = DB_NAME): SecLedgerDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SecLedgerDb
  db.version(1).stores({
    accounts: 'userId',
    docUpdates: '++seq, docName',
    outbox: 'id, unit',
    meta: 'key',
  })
  // 2: events the server refused leave the outbox for a quarantine they are shown from.
  db.version(2).stores({ quarantine: 'id, unit' })
  return db
}

export type { DirectoryUser }
