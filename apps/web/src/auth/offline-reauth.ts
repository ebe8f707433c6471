import { requestJson } from '../api/http-client.ts'

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

/** True when a new server session was obtained. */
export async function reauthenticate(): Promise<boolean> {
  if (!held) return false
  const result = await requestJson('/api/auth/login', { method: 'POST', body: held })
  if (result.ok) held = null
  return result.ok
}
