import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // Real servers, real sockets and PGlite instances: generous, but a hang still fails.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
