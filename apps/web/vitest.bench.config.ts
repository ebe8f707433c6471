import { defineConfig } from 'vitest/config'

// Benchmarks in the browser: the built app served by the real server, driven in Chromium (bench/).
export default defineConfig({
  test: {
    environment: 'node',
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
})
