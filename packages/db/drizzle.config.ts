import { defineConfig } from 'drizzle-kit'

// `pnpm --filter @secledger/db generate` writes SQL migrations to ./drizzle; they are committed and
// run by createDatabase on open.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
})
