/** Runs async tasks one at a time, in the order given; a failing task does not stop the ones after it. */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>
  /** Tasks queued or running. */
  readonly pending: number
  /** Resolves when everything queued so far has finished. */
  drain(): Promise<void>
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  let pending = 0
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      pending++
      const result = tail.then(task)
      const settled = result.then(
        () => {
          pending--
        },
        () => {
          pending--
        },
      )
      tail = settled
      return result
    },
    get pending() {
      return pending
    },
    async drain() {
      await tail
    },
  }
}
