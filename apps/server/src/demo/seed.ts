import { type Database, units, users } from '@secledger/db'
import {
  DEFAULT_CALENDAR,
  DEFAULT_KDF_PARAMS,
  DEFAULT_UNIT_POLICY,
  desensitizeTitle,
  type EventEnvelope,
  formatHlc,
  generateSigningKeyPair,
  isWorkingDay,
  type KdfParams,
  localDay,
  officeOpensAt,
  Role,
  signEvent,
  wrapSecretKey,
} from '@secledger/domain'
import { count } from 'drizzle-orm'
import * as Y from 'yjs'
import { DEFAULT_PASSWORD_COST, hashPassword, type PasswordHashCost } from '../auth/password.ts'
import type { SyncService } from '../sync/sync-service.ts'
import { EVENTS_MAP } from '../sync/update-guard.ts'
import {
  DEMO_CARRIERS,
  DEMO_COUNTY,
  DEMO_OVERDUE,
  DEMO_PASSWORD,
  DEMO_TOWNSHIPS,
  DEMO_USERS,
  type DemoCarrier,
} from './demo-data.ts'

export interface SeedOptions {
  /** Cost of the password-wrapped signing keys; tests pass a cheap one. */
  readonly kdfParams?: KdfParams
  readonly passwordCost?: PasswordHashCost
  readonly now?: Date
}

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
const SEED_DEVICE = 'demo-seed'

/** A working day at least `daysBack` days before `now`, `minutes` after office opening; null past the calendar. */
function pastWorkingTime(now: number, daysBack: number, minutes: number): number | null {
  for (let back = daysBack; back < daysBack + 30; back++) {
    const day = now - back * DAY_MS
    const working = isWorkingDay(day, DEFAULT_CALENDAR)
    if (!working.ok) return null
    if (working.value) return officeOpensAt(day, DEFAULT_CALENDAR) + minutes * MINUTE_MS
  }
  return null
}

function registration(
  unitId: string,
  officer: string,
  secretKey: string,
  carrier: DemoCarrier,
  atMs: number,
  counter: number,
): EventEnvelope {
  const day = localDay(atMs, DEFAULT_CALENDAR)
  const copies = (carrier.copyNumbers ?? [null]).map((copyNumber, i) => ({
    id: `${unitId}-${carrier.key}-${i + 1}`,
    copyNumber,
  }))
  return signEvent(
    {
      unit: unitId,
      type: 'carrier.registered',
      actor: officer,
      device: SEED_DEVICE,
      at: formatHlc({ wallMs: atMs, counter, node: SEED_DEVICE }),
      payload: {
        kind: carrier.kind,
        direction: carrier.direction,
        issuer: carrier.issuer,
        docNumber: carrier.docNumber,
        // rule S-02: a 绝密/机密 title is stored de-sensitized.
        title: desensitizeTitle(carrier.title, carrier.level, DEFAULT_UNIT_POLICY),
        level: carrier.level,
        periodYears: carrier.periodYears,
        scope: carrier.scope,
        serial: `${day.year}-${carrier.key}`,
        receivedOn: day.date,
        copies,
      },
    },
    secretKey,
  )
}

/**
 * What a township records before its first carrier: who holds the main leader's post (B-04, read by
 * every approval rule) and the office's classified copier with its keeper (M-07, where C-07 copies are
 * made).
 */
function unitSetup(unitId: string, officer: string, secretKey: string, atMs: number): EventEnvelope[] {
  const leader = DEMO_USERS.find((u) => u.unitId === unitId && u.roles.includes(Role.Leader))
  const made: { type: string; payload: unknown }[] = [
    ...(leader
      ? [{ type: 'organisation.post_assigned', payload: { post: 'first_responsible', userId: leader.id } }]
      : []),
    {
      type: 'device.registered',
      payload: {
        deviceId: `${unitId}-fy1`,
        number: '涉密复印机 FY-01',
        kind: 'office_device',
        classified: true,
        level: 'secret',
        responsible: officer,
      },
    },
  ]
  return made.map(({ type, payload }, i) =>
    signEvent(
      {
        unit: unitId,
        type,
        actor: officer,
        device: SEED_DEVICE,
        at: formatHlc({ wallMs: atMs, counter: i, node: SEED_DEVICE }),
        payload,
      },
      secretKey,
    ),
  )
}

/** The demo register of one township, signed by its officer. */
export function demoTownshipEvents(
  unitId: string,
  officer: string,
  secretKey: string,
  now: number,
): EventEnvelope[] {
  const registeredAt = pastWorkingTime(now, 7, 30) ?? now - 7 * DAY_MS
  const events = [
    ...unitSetup(unitId, officer, secretKey, registeredAt - 10 * MINUTE_MS),
    ...DEMO_CARRIERS.map((carrier, i) => registration(unitId, officer, secretKey, carrier, registeredAt, i)),
  ]
  // rule C-05: handed out on a past working day, never taken back: overdue.
  const handedOutAt = pastWorkingTime(now, 2, 60)
  if (handedOutAt !== null && handedOutAt > registeredAt) {
    events.push(
      signEvent(
        {
          unit: unitId,
          type: 'carrier.handed_out',
          actor: officer,
          device: SEED_DEVICE,
          at: formatHlc({ wallMs: handedOutAt, counter: 0, node: SEED_DEVICE }),
          payload: { carrierId: `${unitId}-${DEMO_OVERDUE.carrierKey}-1`, reader: DEMO_OVERDUE.reader },
        },
        secretKey,
      ),
    )
  }
  return events
}

/** A Yjs update adding events to a register doc, exactly as a client would send it. */
export function eventsUpdate(events: readonly EventEnvelope[]): Uint8Array {
  const doc = new Y.Doc()
  const map = doc.getMap(EVENTS_MAP)
  doc.transact(() => {
    for (const event of events) map.set(event.id, { ...event })
  })
  return Y.encodeStateAsUpdate(doc)
}

/**
 * Seeds the demo county on an empty database (no units), idempotently: units, users with Ed25519 keys
 * wrapped under the demo password, and a few carriers per township ingested through the same path as
 * sync updates, so the projections are filled. Returns whether it seeded.
 */
export async function seedDemo(
  database: Database,
  sync: SyncService,
  options: SeedOptions = {},
): Promise<boolean> {
  const [existing] = await database.db.select({ n: count() }).from(units)
  if ((existing?.n ?? 0) > 0) return false
  const now = options.now ?? new Date()
  const secrets = new Map<string, string>()
  const userRows = await Promise.all(
    DEMO_USERS.map(async (user) => {
      const keys = generateSigningKeyPair()
      secrets.set(user.id, keys.secretKey)
      const [passwordHash, wrappedKey] = await Promise.all([
        hashPassword(DEMO_PASSWORD, options.passwordCost ?? DEFAULT_PASSWORD_COST),
        wrapSecretKey(keys.secretKey, DEMO_PASSWORD, user.id, options.kdfParams ?? DEFAULT_KDF_PARAMS),
      ])
      return {
        id: user.id,
        unitId: user.unitId,
        displayName: user.displayName,
        roles: [...user.roles],
        passwordHash,
        publicKey: keys.publicKey,
        wrappedKey,
      }
    }),
  )
  await database.db.transaction(async (tx) => {
    await tx.insert(units).values([DEMO_COUNTY, ...DEMO_TOWNSHIPS])
    await tx.insert(users).values(userRows)
  })
  for (const [index, town] of DEMO_TOWNSHIPS.entries()) {
    const officer = `officer${index + 1}`
    const secretKey = secrets.get(officer)
    if (!secretKey) continue
    const unit = await sync.open(town.id)
    const result = await sync.ingest(
      unit,
      eventsUpdate(demoTownshipEvents(town.id, officer, secretKey, now.getTime())),
      {
        userId: officer,
        deviceId: SEED_DEVICE,
        peer: null,
      },
    )
    if (!result.ok) throw new Error(`demo seed of ${town.id} refused: ${result.error.code}`)
  }
  return true
}
