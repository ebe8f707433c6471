import type { CarrierEventPayloads, CarrierEventType } from '@secledger/domain'
import { activeWriter } from './sync/replica-session.ts'

export interface AutomationHooks {
  /** Writes one event through the app's own writer (block rules, signature, sealed outbox, doc). */
  write(type: CarrierEventType, payload: unknown): Promise<{ ok: boolean; id?: string; code?: string }>
}

declare global {
  interface Window {
    __secledgerAutomation?: AutomationHooks
  }
}

/**
 * Installed only in a browser under automation (navigator.webdriver), so an end-to-end test can write
 * a thousand events without a thousand dialogs. It grants nothing the page's own UI does not: the same
 * writer, the same rules, the signed-in member's key, only while signed in.
 */
export function installAutomationHooks(): void {
  window.__secledgerAutomation = {
    async write(type, payload) {
      const writer = activeWriter()
      if (!writer) return { ok: false, code: 'AUTH-LOCKED' }
      const result = await writer.write(type, payload as CarrierEventPayloads[typeof type])
      return result.ok ? { ok: true, id: result.value.id } : { ok: false, code: result.error.code }
    },
  }
}
