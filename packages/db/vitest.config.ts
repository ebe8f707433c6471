import { defineConfig } from 'vitest/config'

// PGlite's initdb takes seconds and every suite opens fresh databases: generous timeouts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
