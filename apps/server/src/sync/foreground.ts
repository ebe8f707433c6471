/**
 * Updates up to this size are ordinary edits (foreground); larger ones are uploads (background). An
 * edit runs straight through: its awaits on the database are pauses enough, and a slicer would count
 * them as work and add a needless turn of the event loop before its ACK.
 */
export const FOREGROUND_MAX_BYTES = 64 * 1024

/**
 * Who goes first when one township uploads 10,000 events while others edit (issue 10 item 8): an
 * ordinary edit is foreground work, a large upload background work. Slicing alone lets the two
 * alternate turn by turn, but an edit needs several turns (its frame, its session check, its commit),
 * so each of its turns waited for a slice of the upload and edits arriving every 20 ms queued up. With
 * this gate a paused upload resumes only when no edit is in progress, or after `maxWaitMs` — so an
 * unbroken stream of edits slows an upload down but never stops it.
 */
export interface ForegroundGate {
  /** Marks foreground work as running; call the returned function when it is done. */
  enter(): () => void
  /** Resolves when no foreground work runs, or after `maxWaitMs`. */
  idle(maxWaitMs: number): Promise<void>
}

export function createForegroundGate(): ForegroundGate {
  let running = 0
  let waiters: (() => void)[] = []
  function wake(): void {
    const woken = waiters
    waiters = []
    for (const waiter of woken) waiter()
  }
  return {
    enter() {
      running++
      let left = false
      return () => {
        if (left) return
        left = true
        running--
        if (running === 0) wake()
      }
    },
    idle(maxWaitMs) {
      if (running === 0) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, maxWaitMs)
        function done(): void {
          clearTimeout(timer)
          waiters = waiters.filter((waiter) => waiter !== done)
          resolve()
        }
        waiters.push(done)
      })
    },
  }
}
