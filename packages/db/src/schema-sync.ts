import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { bytea } from './bytea.ts'
import { units } from './schema-units.ts'

/**
 * Every Yjs update a client sent, in arrival order. Append-only (ARCHITECTURE decision 5): a
 * migration trigger refuses UPDATE, DELETE and TRUNCATE. `doc` is `<unitId>:register` and so on.
 * `mac` is the server's HMAC over the row under a key kept outside the database (issue 10 item 7): a
 * row without a valid one (written before it existed, or by someone else) has its events re-verified.
 */
export const yjsUpdates = pgTable(
  'yjs_updates',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    doc: text('doc').notNull(),
    update: bytea('update').notNull(),
    userId: text('user_id'),
    deviceId: text('device_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    mac: bytea('mac'),
  },
  (t) => [index('yjs_updates_doc_seq_idx').on(t.doc, t.seq)],
)

/**
 * A doc's merged state up to and including `upto_seq`; sync serves it plus later updates. Insert-only
 * (a migration trigger refuses UPDATE, DELETE and TRUNCATE); `mac` as in yjs_updates: a snapshot
 * without a valid one is ignored and the doc rebuilt from the updates.
 */
export const yjsSnapshots = pgTable(
  'yjs_snapshots',
  {
    doc: text('doc').notNull(),
    uptoSeq: bigint('upto_seq', { mode: 'number' }).notNull(),
    state: bytea('state').notNull(),
    stateVector: bytea('state_vector').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    mac: bytea('mac'),
  },
  (t) => [primaryKey({ columns: [t.doc, t.uptoSeq] })],
)

/** Signed register events as received (the envelope, column by column). Append-only, like yjs_updates. */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    device: text('device').notNull(),
    // The hybrid logical clock string of the envelope, not a timestamp.
    at: text('at').notNull(),
    payload: jsonb('payload').notNull(),
    sig: text('sig').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_unit_id_at_idx').on(t.unitId, t.at)],
)
