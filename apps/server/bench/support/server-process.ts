import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * The real server (`src/main.ts`) in its own process, as `pnpm start` runs it, with its output appended
 * to `logFile`. One node process (node --import tsx), so SIGKILL ends the server itself, not a wrapper.
 */
export class ServerProcess {
  private child: ChildProcess | null = null
  readonly url: string

  constructor(
    readonly port: number,
    private readonly env: Readonly<Record<string, string>>,
    private readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`
  }

  /** Starts the server and resolves once /api/health answers 200. */
  async start(timeoutMs = 120_000): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: 'a' })
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.pipe(log)
    child.stderr?.pipe(log)
    this.child = child
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`server exited with ${child.exitCode}; see ${this.logFile}`)
      try {
        const response = await fetch(`${this.url}/api/health`)
        if (response.status === 200) return
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`server not ready after ${timeoutMs} ms; see ${this.logFile}`)
  }

  /** Sends `signal` and resolves when the process has exited. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child
    if (child === null || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill(signal)
    await exited
    this.child = null
  }
}
