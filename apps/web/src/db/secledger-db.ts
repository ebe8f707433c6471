import type { DirectoryUser, DomainError, EventEnvelope, KeyDirectory, WrappedKey } from '@secledger/domain'
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { SessionUser } from '../auth/session-user.ts'
import type { SealedBox } from './sealed-box.ts'

/**
 * A login cached for offline use. `userId` (the login name) and the password-wrapped signing key stay
 * in clear: they are needed before the password is typed, and the key is already wrapped (Argon2id).
 * The profile and the unit's directory (names) are sealed under a key derived from the signing key.
 * `user` and `directory` in clear are rows written before schema 3; they are sealed at the next login.
 */
export interface CachedAccount {
  readonly userId: string
  readonly wrappedKey: WrappedKey
  readonly cachedAt: number
  readonly sealed?: SealedBox
  readonly user?: SessionUser
  readonly directory?: KeyDirectory
}

/** What a cached account's sealed part holds. */
export interface AccountProfile {
  readonly user: SessionUser
  readonly directory: KeyDirectory
}

/**
 * One Yjs update of a doc, binary as produced (STYLE 9: never re-encoded as JSON), sealed under the
 * replica key `keyId`. `docName` is `${unit}:${partition}`: no content. `update` in clear is a row
 * written before schema 3, sealed by the first member who unlocks the unit (db/plaintext-adoption.ts).
 */
export interface DocUpdateRow {
  seq?: number
  readonly docName: string
  readonly keyId?: string
  readonly sealed?: SealedBox
  readonly update?: Uint8Array
}

/** An event signed here and not yet acknowledged by the server (ARCHITECTURE decision 5). */
export interface OutboxRow {
  readonly id: string
  readonly unit: string
  readonly envelope: EventEnvelope
  readonly createdAt: number
  /**
   * Carried by a refused message together with other events: which one the server objected to is
   * unknown, so after the rebuild it is sent again alone (see sync/replica-sync.ts).
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

/**
 * How an outbox or quarantine row is stored: the event id (a hash), the unit and the key id in clear
 * for Dexie's indexes, everything else sealed. Rows without `sealed` predate schema 3.
 */
export interface StoredEventRow {
  readonly id: string
  readonly unit: string
  readonly keyId?: string
  readonly sealed?: SealedBox
}

export interface MetaRow {
  readonly key: string
  readonly value: unknown
}

/**
 * A replica data key wrapped (AES-GCM, WebCrypto wrapKey) for one member under a key derived from
 * that member's signing key, which only their password unwraps (auth/member-keys.ts).
 */
export interface ReplicaKeyRow {
  readonly unit: string
  readonly userId: string
  readonly keyId: string
  readonly iv: Uint8Array<ArrayBuffer>
  readonly wrapped: Uint8Array<ArrayBuffer>
  readonly createdAt: number
}

/**
 * The signed-in session, so a reload does not ask for the password (auth/session-vault.ts): the
 * signing key sealed under `sessionKey`, a non-extractable AES-GCM CryptoKey (structured-cloned into
 * IndexedDB, never exportable by script). Deleted at logout and at expiry: that is the "lock".
 */
export interface SessionKeysRow {
  readonly id: 'current'
  readonly userId: string
  readonly expiresAt: number
  readonly sessionKey: CryptoKey
  readonly signingKey: SealedBox
}

export const DB_NAME = 'secledger'

export type SecLedgerDb = Dexie & {
  accounts: EntityTable<CachedAccount, 'userId'>
  docUpdates: EntityTable<DocUpdateRow, 'seq'>
  outbox: EntityTable<StoredEventRow, 'id'>
  meta: EntityTable<MetaRow, 'key'>
  quarantine: EntityTable<StoredEventRow, 'id'>
  replicaKeys: Table<ReplicaKeyRow, [string, string]>
  sessionKeys: EntityTable<SessionKeysRow, 'id'>
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
  // 3: the replica is sealed (ARCHITECTURE decision 6): rows are found by the key they are sealed
  // under; wrapped data keys per unit and member; the session's non-extractable keys for a reload.
  db.version(3).stores({
    docUpdates: '++seq, docName, [keyId+docName]',
    outbox: 'id, unit, [unit+keyId]',
    quarantine: 'id, unit, [unit+keyId]',
    replicaKeys: '[unit+userId]',
    sessionKeys: 'id',
  })
  return db
}

export type { DirectoryUser }
