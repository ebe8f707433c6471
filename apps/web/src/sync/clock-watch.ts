import { type ClockGuard, ClockState } from './clock-guard.ts'

export interface ClockWatchOptions {
  readonly guard: ClockGuard
  /** One request to the server (GET /api/health): its `Date` header reaches the guard. */
  readonly probe: () => Promise<unknown>
  /** While the clock is off: how soon a corrected clock is noticed. */
  readonly skewedIntervalMs?: number
  /** Otherwise: how soon a clock that jumps during the session is noticed. */
  readonly okIntervalMs?: number
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'>
}

/**
 * Keeps the clock guard's reading fresh (issue 10): an officer who corrects the system time can record
 * again within half a minute, and a clock that jumps mid-session is caught. Probes on reconnection too.
 * Returns the stop function.
 */
export function watchServerClock(options: ClockWatchOptions): () => void {
  const skewedMs = options.skewedIntervalMs ?? 30_000
  const okMs = options.okIntervalMs ?? 10 * 60_000
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const schedule = (): void => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    const { state } = options.guard.status
    const delay = state === ClockState.Skewed || state === ClockState.BeforeEarliest ? skewedMs : okMs
    timer = setTimeout(() => void probeNow(), delay)
  }
  const probeNow = async (): Promise<void> => {
    try {
      await options.probe()
    } catch {
      // offline: the next round tries again
    }
    schedule()
  }
  const onOnline = (): void => void probeNow()
  // A reading that flips the state changes the pace at once.
  const stopListening = options.guard.onChange(() => schedule())
  options.events?.addEventListener('online', onOnline)
  schedule()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    stopListening()
    options.events?.removeEventListener('online', onOnline)
  }
}
