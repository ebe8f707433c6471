/** What a data-carrying message was: the handshake's step 2 (everything the server lacked) or one update. */
export type SentKind = 'step2' | 'update'

export interface SentMessage {
  readonly eventIds: readonly string[]
  readonly kind: SentKind
}

/**
 * Bookkeeping of one connection's data-carrying sync messages (step 2 and updates), numbered from 1
 * as the server counts them. The server ACKs message n once it is committed; only then may the
 * events it carried leave the outbox ("synced" only after the acknowledgement, ARCHITECTURE 5).
 */
export class AckLedger {
  private sent = 0
  private readonly inFlight = new Map<number, SentMessage>()

  /** Call for every data-carrying message, in send order; returns its number. */
  recordSent(eventIds: readonly string[], kind: SentKind = 'update'): number {
    this.sent += 1
    this.inFlight.set(this.sent, { eventIds, kind })
    return this.sent
  }

  /** The events message n carried; an unknown or repeated n yields nothing. */
  acknowledge(n: number): readonly string[] {
    const message = this.inFlight.get(n)
    if (message === undefined) return []
    this.inFlight.delete(n)
    return message.eventIds
  }

  /** A refused message is never acked: forget it and say what it carried (null when unknown). */
  refuse(n: number): SentMessage | null {
    const message = this.inFlight.get(n) ?? null
    this.inFlight.delete(n)
    return message
  }

  /** A new connection counts from 1 again; unacked events are resent by the next sync step 2. */
  reset(): void {
    this.sent = 0
    this.inFlight.clear()
  }

  get pendingMessages(): number {
    return this.inFlight.size
  }

  get sentCount(): number {
    return this.sent
  }
}
