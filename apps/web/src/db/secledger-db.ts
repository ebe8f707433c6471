import type { DirectoryUser, EventEnvelope, KeyDirectory, WrappedKey } from '@secledger/domain'
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
  return db
}

export type { DirectoryUser }
