import type { anomalyProjection, carrierProjection } from './schema-projections.ts'
import type { events, yjsSnapshots, yjsUpdates } from './schema-sync.ts'
import type { loginAttempts, securityEvents, sessions, units, users } from './schema-units.ts'

// Row types as read (`…Row`) and as inserted (`New…Row`), one pair per table.
export type UnitRow = typeof units.$inferSelect
export type NewUnitRow = typeof units.$inferInsert
export type UserRow = typeof users.$inferSelect
export type NewUserRow = typeof users.$inferInsert
export type SessionRow = typeof sessions.$inferSelect
export type NewSessionRow = typeof sessions.$inferInsert
export type LoginAttemptRow = typeof loginAttempts.$inferSelect
export type NewLoginAttemptRow = typeof loginAttempts.$inferInsert
export type SecurityEventRow = typeof securityEvents.$inferSelect
export type NewSecurityEventRow = typeof securityEvents.$inferInsert
export type YjsUpdateRow = typeof yjsUpdates.$inferSelect
export type NewYjsUpdateRow = typeof yjsUpdates.$inferInsert
export type YjsSnapshotRow = typeof yjsSnapshots.$inferSelect
export type NewYjsSnapshotRow = typeof yjsSnapshots.$inferInsert
export type EventRow = typeof events.$inferSelect
export type NewEventRow = typeof events.$inferInsert
export type CarrierProjectionRow = typeof carrierProjection.$inferSelect
export type NewCarrierProjectionRow = typeof carrierProjection.$inferInsert
export type AnomalyProjectionRow = typeof anomalyProjection.$inferSelect
export type NewAnomalyProjectionRow = typeof anomalyProjection.$inferInsert
