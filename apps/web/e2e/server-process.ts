import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const SHIFTED_CLOCK = pathToFileURL(fileURLToPath(new URL('./shifted-clock.mjs', import.meta.url))).href

export interface RunningServer {
  readonly url: string
  readonly output: () => string
  stop(): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts the real server (`pnpm --filter @secledger/server start`) on a fresh PGlite dir, or on
 * `options.dataDir` (kept on stop: a test that prepared it removes it).
 */
export async function startServer(
  webDist: string,
  timeoutMs = 120_000,
  options: {
    readonly dataDir?: string
    /** Runs the server's wall clock this far ahead (or behind) of the real one, like the pages' clock. */
    readonly clockOffsetMs?: number
  } = {},
): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'secledger-e2e-'))
  const child: ChildProcess = spawn('pnpm', ['--filter', '@secledger/server', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_DIST: webDist,
      ...(options.clockOffsetMs === undefined
        ? {}
        : {
            SECLEDGER_E2E_CLOCK_OFFSET_MS: String(Math.round(options.clockOffsetMs)),
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${SHIFTED_CLOCK}`.trim(),
          }),
    },
    // its own process group, so stop() ends pnpm, tsx and node together — and nothing else
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    )
    const onData = (chunk: Buffer): void => {
      log += chunk.toString()
      if (/SecLedger listening on/.test(log)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}) before listening:\n${log}`))
    })
  })
  return {
    url: `http://localhost:${port}`,
    output: () => log,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM')
        } catch {
          // already gone
        }
        const killTimer = setTimeout(() => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
          } catch {
            // already gone
          }
        }, 5_000)
        await exited
        clearTimeout(killTimer)
      }
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
