import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { parseOrigin } from './http/origins.ts'

/** The one module that reads process.env (STYLE habit 11). */
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default(resolve(REPO_ROOT, 'data')),
  WEB_DIST: z.string().min(1).default(resolve(REPO_ROOT, 'apps/web/dist')),
  /**
   * Origins allowed to write and to open sync sockets besides the server's own (`http(s)://<Host>`),
   * comma-separated: for a deployment behind a proxy that rewrites Host or terminates TLS.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins: string[] = []
      for (const item of value.split(',').map((part) => part.trim())) {
        if (item === '') continue
        const origin = parseOrigin(item)
        if (origin === null) {
          ctx.addIssue({ code: 'custom', message: `not an http(s) origin: ${item}` })
          return z.NEVER
        }
        origins.push(origin)
      }
      return origins
    }),
  /** How far an event's time may run ahead of the server's clock. */
  MAX_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How old an event may be when it first reaches the server. */
  MAX_EVENT_AGE_DAYS: z.coerce.number().int().min(1).max(36_600).default(366),
  /** The HMAC key of stored sync rows (sync/storage-key.ts): 64 hex digits; else DATA_DIR/storage.key. */
  STORAGE_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'STORAGE_KEY must be 64 hex digits')
    .optional(),
})

export type ServerEnv = z.infer<typeof envSchema>

export function readEnv(source: Readonly<Record<string, string | undefined>> = process.env): ServerEnv {
  // An empty variable means "not set", as a shell `FOO= cmd` intends.
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  return { ...parsed.data, DATA_DIR: resolve(parsed.data.DATA_DIR), WEB_DIST: resolve(parsed.data.WEB_DIST) }
}
