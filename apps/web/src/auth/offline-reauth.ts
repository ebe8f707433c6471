import { requestJson } from '../api/http-client.ts'
import { sessionEnded } from './session-expiry.ts'

/**
 * After an offline login the server session may have expired. Until the next online login succeeds
 * the credentials stay in memory (like the unwrapped key, never stored) so sync can resume by itself.
 */
let held: { username: string; password: string; deviceId: string } | null = null

export function holdForReauth(username: string, password: string, deviceId: string): void {
  held = { username, password, deviceId }
}

export function forgetReauth(): void {
  held = null
}

/**
 * The server refused the session (sync close 4401). True when a new server session was obtained.
 * Without held credentials (an online login, or a session reopened after a reload) or when the server
 * refuses them, the session is over: it ends, which locks the local data ("lock", not "wipe").
 */
export async function reauthenticate(): Promise<boolean> {
  if (!held) {
    sessionEnded()
    return false
  }
  const result = await requestJson('/api/auth/login', { method: 'POST', body: held })
  if (result.ok) held = null
  else if (result.kind === 'http' && result.status === 401) sessionEnded()
  return result.ok
}
