// The whole schema, tables only: drizzle-kit reads this file, and `typeof import('./schema.ts')`
// types the query builder.
export { anomalyProjection, carrierProjection } from './schema-projections.ts'
export { events, yjsSnapshots, yjsUpdates } from './schema-sync.ts'
export { loginAttempts, securityEvents, sessions, units, users } from './schema-units.ts'
