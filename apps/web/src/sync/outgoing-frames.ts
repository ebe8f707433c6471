import { AckLedger, type SentKind, type SentMessage } from './ack-ledger.ts'

/** Unacknowledged data frames a connection may have at once (the server queues up to 256). */
export const MAX_FRAMES_IN_FLIGHT = 16

interface QueuedFrame {
  readonly bytes: Uint8Array
  readonly eventIds: readonly string[]
  readonly kind: SentKind
}

/**
 * One connection's data frames (issue 10 item 8): they leave in order (a later update depends on the
 * earlier ones) with at most MAX_FRAMES_IN_FLIGHT unacknowledged, since the server queues a
 * connection's frames and closes one that sends too many at once. The queue and the ACK ledger are
 * reset together: frames of a closed connection are never sent on the next one (its step 2 carries
 * whatever the server still lacks).
 */
export class OutgoingFrames {
  private readonly ledger = new AckLedger()
  private queue: QueuedFrame[] = []

  constructor(private readonly send: (bytes: Uint8Array) => boolean) {}

  enqueue(bytes: Uint8Array, eventIds: readonly string[], kind: SentKind): void {
    this.queue.push({ bytes, eventIds, kind })
    this.pump()
  }

  /** The events message n carried; frees its place for the next queued frame. */
  acknowledge(n: number): readonly string[] {
    const ids = this.ledger.acknowledge(n)
    this.pump()
    return ids
  }

  refuse(n: number): SentMessage | null {
    return this.ledger.refuse(n)
  }

  reset(): void {
    this.ledger.reset()
    this.queue = []
  }

  private pump(): void {
    while (this.queue.length > 0 && this.ledger.pendingMessages < MAX_FRAMES_IN_FLIGHT) {
      const next = this.queue[0] as QueuedFrame
      if (!this.send(next.bytes)) return
      this.queue.shift()
      this.ledger.recordSent(next.eventIds, next.kind)
    }
  }
}
