import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/**
 * The unit fold as the app runs it: the web app ships the domain bundled (Vite) and the server runs
 * it as native ES modules, where a call to another module is a plain call. Vitest's module runner
 * rewrites every such call into a property read through an export getter, which cost this fold
 * ~45% (2026-12: 320 ms from source against 218 ms bundled, same run); the budget is the shipped
 * code's, so the benches bundle the unit fold once and measure that.
 */
export async function shippedUnitFold(): Promise<typeof import('../src/unit/unit-fold.ts')> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'secledger-bench-')), 'unit-fold.mjs')
  await build({
    entryPoints: [fileURLToPath(new URL('../src/unit/unit-fold.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  })
  return import(/* @vite-ignore */ outfile)
}
