import { createDatabase, events, users, yjsUpdates } from '@secledger/db'
import {
  DEFAULT_UNIT_POLICY,
  desensitizeTitle,
  type EventEnvelope,
  formatHlc,
  signEvent,
  unwrapSecretKey,
  wrappedKeySchema,
} from '@secledger/domain'
import * as Y from 'yjs'
import { PASSWORD } from './app-pages.ts'

/** 2286-11-20 10:00 in Asia/Shanghai: what a device with a broken clock stamped (issue 10). */
export const YEAR_2286_MS = Date.UTC(2286, 10, 20, 2, 0, 0)
export const FAR_FUTURE_DEVICE = 'dev-e2e-2286'
export const FAR_FUTURE_DOC_NUMBER = '县委发〔2286〕1号'

/** A registration validly signed by `officer` (demo password), dated 2286. */
function farFutureRegistration(unit: string, officer: string, secretKey: string): EventEnvelope {
  return signEvent(
    {
      unit,
      type: 'carrier.registered',
      actor: officer,
      device: FAR_FUTURE_DEVICE,
      at: formatHlc({ wallMs: YEAR_2286_MS, counter: 0, node: FAR_FUTURE_DEVICE }),
      payload: {
        kind: 'paper',
        direction: 'received',
        issuer: '县委办公室',
        docNumber: FAR_FUTURE_DOC_NUMBER,
        title: desensitizeTitle('关于时钟错误设备的通知', 'secret', DEFAULT_UNIT_POLICY),
        level: 'secret',
        periodYears: null,
        scope: '班子成员',
        serial: '2286-0001',
        receivedOn: '2286-11-20',
        copies: [{ id: `${unit}-e2e-2286-1`, copyNumber: 1 }],
      },
    },
    secretKey,
  )
}

/**
 * Appends a validly signed 2286 event to a unit's register log in a stopped server's PGlite data dir,
 * as an old server that checked no clocks would have stored it: an update row and its event row. The
 * server re-reads the log when it starts again. The server's own ingest (which refuses such an event
 * with SYNC-CLOCK-SKEW, issue 10) is deliberately bypassed: the log already holds it.
 */
export async function appendFarFutureEvent(
  dataDir: string,
  unit: string,
  officer: string,
): Promise<EventEnvelope> {
  const database = await createDatabase({ dataDir })
  try {
    const rows = await database.db.select().from(users)
    const row = rows.find((user) => user.id === officer)
    if (!row) throw new Error(`no user ${officer} in ${dataDir}`)
    const wrapped = wrappedKeySchema.parse(row.wrappedKey)
    const secret = await unwrapSecretKey(wrapped, PASSWORD, officer)
    if (!secret.ok) throw new Error(`cannot unwrap ${officer}'s key: ${secret.error.message.en}`)
    const event = farFutureRegistration(unit, officer, secret.value)
    const doc = new Y.Doc()
    doc.getMap('events').set(event.id, { ...event })
    const now = new Date()
    await database.db.insert(yjsUpdates).values({
      doc: `${unit}:register`,
      update: Y.encodeStateAsUpdate(doc),
      userId: officer,
      deviceId: FAR_FUTURE_DEVICE,
      createdAt: now,
    })
    await database.db.insert(events).values({
      id: event.id,
      unitId: unit,
      type: event.type,
      actor: event.actor,
      device: event.device,
      at: event.at,
      payload: event.payload,
      sig: event.sig,
      receivedAt: now,
    })
    doc.destroy()
    return event
  } finally {
    await database.close()
  }
}
