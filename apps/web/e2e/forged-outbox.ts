import { type EventEnvelope, formatHlc, generateSigningKeyPair, signEvent } from '@secledger/domain'
import type { Page } from 'playwright-core'

/**
 * An event claiming officer1 but signed with a key nobody registered: the server refuses it with
 * SYNC-BAD-EVENT (ARCHITECTURE decision 3), as it would an event from a device whose key was replaced.
 */
export function forgedHandOut(unit: string, carrierId: string, atMs: number): EventEnvelope {
  return signEvent(
    {
      unit,
      type: 'carrier.handed_out',
      actor: 'officer1',
      device: 'dev-e2e-forged',
      at: formatHlc({ wallMs: atMs, counter: 0, node: 'dev-e2e-forged' }),
      payload: { carrierId, reader: '王五' },
    },
    generateSigningKeyPair().secretKey,
  )
}

/** Puts an event in the page's outbox (IndexedDB `secledger`, store `outbox`) as if written offline. */
export async function putInOutbox(page: Page, envelope: EventEnvelope): Promise<void> {
  await page.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('secledger')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction('outbox', 'readwrite')
          tx.objectStore('outbox').put(row)
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { id: envelope.id, unit: envelope.unit, envelope, createdAt: Date.now() },
  )
}
