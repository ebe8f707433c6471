import { MetaKey, readMeta, writeMeta } from './meta-store.ts'
import type { SecLedgerDb } from './secledger-db.ts'

const STORAGE_KEY = 'secledger.deviceId'
// An HLC node and an envelope `device` must both accept it: letters, digits, `_` and `-` only.
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/

function randomDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return `dev-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** The device id is generated once and kept in both IndexedDB and localStorage (either may be cleared). */
export async function ensureDeviceId(
  db: SecLedgerDb,
  storage: Storage | undefined = globalThis.localStorage,
): Promise<string> {
  const stored = await readMeta<string>(db, MetaKey.DeviceId)
  const local = storage?.getItem(STORAGE_KEY) ?? null
  const id =
    [stored, local].find((v): v is string => typeof v === 'string' && DEVICE_ID.test(v)) ?? randomDeviceId()
  if (stored !== id) await writeMeta(db, MetaKey.DeviceId, id)
  if (local !== id) storage?.setItem(STORAGE_KEY, id)
  return id
}
