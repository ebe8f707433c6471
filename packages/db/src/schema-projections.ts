import { sql } from 'drizzle-orm'
import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { units } from './schema-units.ts'

/**
 * One row per register entry, for the county dashboard. Rule S-04: the county reads only this, so
 * it holds numbers, levels, states and dates — never title, scope, reader, notes or any free text.
 */
export const carrierProjection = pgTable(
  'carrier_projection',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    serial: text('serial').notNull(),
    docNumber: text('doc_number').notNull(),
    copyNumber: integer('copy_number'),
    level: text('level').notNull(),
    periodYears: integer('period_years').notNull(),
    state: text('state').notNull(),
    kind: text('kind').notNull(),
    // 'YYYY-MM-DD' as a string on both drivers.
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    // Earliest due time of the open hand-outs; null when nothing is out.
    dueAt: timestamp('due_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('carrier_projection_unit_id_state_idx').on(t.unitId, t.state),
    index('carrier_projection_unit_id_level_idx').on(t.unitId, t.level),
    index('carrier_projection_unit_id_due_at_idx').on(t.unitId, t.dueAt),
  ],
)

/** Anomalies of the fold, for the county's open-anomaly counts. Rule S-04: no notes here either. */
export const anomalyProjection = pgTable(
  'anomaly_projection',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    carrierId: text('carrier_id'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('anomaly_projection_open_idx').on(t.unitId).where(sql`${t.resolvedAt} is null`)],
)
