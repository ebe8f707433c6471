import type { Session } from '../auth/sessions.ts'

/** Hono environment of every router: the session middleware sets `session` (null when logged out). */
export interface AppEnv {
  Variables: { session: Session | null }
}
