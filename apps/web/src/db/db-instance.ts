import { openSecLedgerDb, type SecLedgerDb } from './secledger-db.ts'

let instance: SecLedgerDb | null = null
let persistAsked = false

/** The app's one database; asks once for persistent storage so the browser does not evict unsent events. */
export function appDb(): SecLedgerDb {
  if (!instance) instance = openSecLedgerDb()
  if (!persistAsked) {
    persistAsked = true
    void globalThis.navigator?.storage?.persist?.().catch(() => false)
  }
  return instance
}
