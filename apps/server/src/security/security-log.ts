import { type DatabaseExecutor, securityEvents } from '@secledger/db'

export interface SecurityEventInput {
  readonly unitId: string | null
  readonly userId: string | null
  readonly deviceId: string | null
  /** What happened, e.g. `sync_forbidden`, `sync_immutable`, `sync_bad_event`, `login_locked`. */
  readonly kind: string
  /** The error code the caller received. */
  readonly code: string
  readonly detail?: Readonly<Record<string, unknown>>
}

/** Appends to the security log; refused updates and forged events are recorded, never silently dropped. */
export async function recordSecurityEvent(db: DatabaseExecutor, input: SecurityEventInput): Promise<void> {
  await db.insert(securityEvents).values({
    unitId: input.unitId,
    userId: input.userId,
    deviceId: input.deviceId,
    kind: input.kind,
    code: input.code,
    detail: input.detail ?? {},
  })
}
