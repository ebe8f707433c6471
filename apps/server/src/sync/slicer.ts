/**
 * Cooperative time slicing (issue 10 item 8): a long synchronous loop — verifying thousands of
 * signatures, decoding a 6 MB update, folding its events — checks `due()` as it goes and, when its
 * slice of the event loop is used up, awaits `pause()`, so other townships' frames and ACKs run in
 * between instead of waiting for the whole upload.
 */
export interface Slicer {
  /** True once the current slice has run for its budget. */
  due(): boolean
  /** Yields to the event loop (I/O callbacks, timers, other docs' ingests) and starts a new slice. */
  pause(): Promise<void>
}

/**
 * About a millisecond per slice: an edit of another township needs several turns of the event loop
 * (its frame, its session check, its commit) and may wait for one slice at each; large beside the cost
 * of one setImmediate round (~0.01 ms), so a sliced loop runs nearly as fast as an unsliced one.
 */
export const SLICE_BUDGET_MS = 1

/**
 * `giveWay`, when given, runs after each pause before the next slice starts: background work waits
 * there for foreground work (foreground.ts).
 */
export function createSlicer(
  budgetMs: number = SLICE_BUDGET_MS,
  giveWay: (() => Promise<void>) | null = null,
): Slicer {
  let started = performance.now()
  return {
    due: () => performance.now() - started >= budgetMs,
    async pause() {
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (giveWay !== null) await giveWay()
      started = performance.now()
    },
  }
}

/** A slicer that never pauses: the same code run to completion (tests, and the sync paths). */
export const UNSLICED: Slicer = { due: () => false, pause: () => Promise.resolve() }
