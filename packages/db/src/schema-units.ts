import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'

export const UNIT_KINDS = ['county', 'township'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** Organisational units: one county and its townships. */
export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnyPgColumn => units.id),
    kind: text('kind').$type<UnitKind>().notNull(),
    name: text('name').notNull(),
    // Last committed sync from this unit, shown on the county dashboard.
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
  },
  (t) => [check('units_kind_check', sql`${t.kind} in ('county', 'township')`)],
)

/** Accounts; `id` is the username. `wrapped_key` is the password-wrapped signing key, opaque here. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    publicKey: text('public_key').notNull(),
    wrappedKey: jsonb('wrapped_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_unit_id_idx').on(t.unitId)],
)

/** Login sessions; `id` holds the sha256 of the cookie token, never the token itself. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: text('device_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
)

/** Failed-login counters per account and device (never per IP alone: one NAT, one office). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    account: text('account').notNull(),
    deviceId: text('device_id').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.account, t.deviceId] })],
)

/** Security log: refused updates, forged signatures, lockouts. No FKs: the ids may be unknown ones. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: text('unit_id'),
    userId: text('user_id'),
    deviceId: text('device_id'),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    detail: jsonb('detail').$type<Readonly<Record<string, unknown>>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('security_events_unit_id_created_at_idx').on(t.unitId, t.createdAt)],
)
