import type { SecLedgerDb } from './secledger-db.ts'

export const MetaKey = {
  DeviceId: 'deviceId',
  LastHlc: 'lastHlc',
  lastAck: (unit: string) => `lastAck:${unit}`,
  /** Set when the server refused an update: the replica must be rebuilt from the server's state. */
  recovery: (unit: string) => `recovery:${unit}`,
} as const

export async function readMeta<T>(db: SecLedgerDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key)
  return row?.value as T | undefined
}

export async function writeMeta(db: SecLedgerDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value })
}
