import { defineConfig } from 'vitest/config'

export default defineConfig(({ mode }) => ({
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // Benchmarks measure latency: one file at a time, or they would time each other.
    fileParallelism: mode !== 'benchmark',
    // Real servers, real sockets and PGlite instances: generous, but a hang still fails.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}))
