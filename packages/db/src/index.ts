export { bytea, byteaHex, byteaParam, toUint8Array } from './bytea.ts'
export type {
  Database,
  DatabaseClient,
  DatabaseExecutor,
  DatabaseKind,
  DatabaseOptions,
  DatabaseTransaction,
  Schema,
} from './database.ts'
export { createDatabase } from './database.ts'
export { APPEND_ONLY_VIOLATION, queryRows, sqlStateOf } from './raw-query.ts'
export type {
  AnomalyProjectionRow,
  CarrierProjectionRow,
  EventRow,
  LoginAttemptRow,
  NewAnomalyProjectionRow,
  NewCarrierProjectionRow,
  NewEventRow,
  NewLoginAttemptRow,
  NewSecurityEventRow,
  NewSessionRow,
  NewUnitRow,
  NewUserRow,
  NewYjsSnapshotRow,
  NewYjsUpdateRow,
  SecurityEventRow,
  SessionRow,
  UnitRow,
  UserRow,
  YjsSnapshotRow,
  YjsUpdateRow,
} from './rows.ts'
export {
  anomalyProjection,
  carrierProjection,
  events,
  loginAttempts,
  securityEvents,
  sessions,
  units,
  users,
  yjsSnapshots,
  yjsUpdates,
} from './schema.ts'
export type { UnitKind } from './schema-units.ts'
export { UNIT_KINDS } from './schema-units.ts'
