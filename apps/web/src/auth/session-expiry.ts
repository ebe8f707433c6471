/**
 * How long a login lasts on this device: the server's session cookie lives as long
 * (apps/server/src/auth/sessions.ts SESSION_TTL_MS). An offline login gets the same span.
 */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

// setTimeout fires at once beyond 2^31-1 ms: long waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1

let timer: ReturnType<typeof setTimeout> | null = null
let onEnded: (() => void) | null = null

/** What the app does when the session ends by itself (expiry, the server no longer knowing it). */
export function onSessionEnded(handler: () => void): void {
  onEnded = handler
}

export function scheduleSessionEnd(expiresAt: number, now: () => number = Date.now): void {
  cancelSessionEnd()
  const wait = expiresAt - now()
  if (wait <= 0) {
    sessionEnded()
    return
  }
  timer = setTimeout(() => scheduleSessionEnd(expiresAt, now), Math.min(wait, MAX_TIMER_MS))
}

export function cancelSessionEnd(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
}

/** The session is over: the handler locks the vault and shows the login page. */
export function sessionEnded(): void {
  cancelSessionEnd()
  onEnded?.()
}
