import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** Text formats worth compressing; images (png) are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|webmanifest|html|txt|wasm)$/

// The highest levels: the work is done once per build, not per request (scripts/route-size.mjs measures
// with the same).
function brotliBytes(data: Uint8Array): Promise<Buffer> {
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
    },
  })
}

function gzipBytes(data: Uint8Array): Promise<Buffer> {
  return gz(data, { level: constants.Z_BEST_COMPRESSION })
}

async function precompressFile(path: string): Promise<void> {
  const data = await readFile(path)
  const [br, gzipped] = await Promise.all([brotliBytes(data), gzipBytes(data)])
  // A sibling no smaller than the file would only cost bytes; the server then sends the file as is.
  if (br.byteLength < data.byteLength) await writeFile(`${path}.br`, br)
  if (gzipped.byteLength < data.byteLength) await writeFile(`${path}.gz`, gzipped)
}

/**
 * Writes `.br` and `.gz` beside every content-hashed text asset (dist/assets/), once, at build time, so
 * the server (apps/server/src/static.ts) sends them without compressing per request. Only build
 * output is touched: the service worker's precache globs by extension and never lists them.
 */
export function precompressAssets(): Plugin {
  return {
    name: 'secledger:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir
      if (!outDir) return
      const files = Object.keys(bundle).filter((f) => f.startsWith('assets/') && COMPRESSIBLE.test(f))
      await Promise.all(files.map((f) => precompressFile(join(outDir, f))))
    },
  }
}
