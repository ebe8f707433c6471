import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { bytea } from './bytea.ts'
import { units } from './schema-units.ts'

/**
 * Every Yjs update a client sent, in arrival order. Append-only (ARCHITECTURE decision 5): a
 * migration trigger refuses UPDATE, DELETE and TRUNCATE. `doc` is `<unitId>:register` and so on.
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
  },
  (t) => [index('yjs_updates_doc_seq_idx').on(t.doc, t.seq)],
)

/** A doc's merged state up to and including `upto_seq`; sync serves it plus later updates. */
export const yjsSnapshots = pgTable(
  'yjs_snapshots',
  {
    doc: text('doc').notNull(),
    uptoSeq: bigint('upto_seq', { mode: 'number' }).notNull(),
    state: bytea('state').notNull(),
    stateVector: bytea('state_vector').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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
