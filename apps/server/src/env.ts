import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

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
