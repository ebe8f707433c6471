/**
 * Bookkeeping of one connection's data-carrying sync messages (step 2 and updates), numbered from 1
 * as the server counts them. The server ACKs message n once it is committed; only then may the
 * events it carried leave the outbox ("synced" only after the acknowledgement, ARCHITECTURE 5).
 */
export class AckLedger {
  private sent = 0
  private readonly inFlight = new Map<number, readonly string[]>()

  /** Call for every data-carrying message, in send order; returns its number. */
  recordSent(eventIds: readonly string[]): number {
    this.sent += 1
    this.inFlight.set(this.sent, eventIds)
    return this.sent
  }

  /** The events message n carried; an unknown or repeated n yields nothing. */
  acknowledge(n: number): readonly string[] {
    const ids = this.inFlight.get(n)
    if (ids === undefined) return []
    this.inFlight.delete(n)
    return ids
  }

  /** A refused message is never acked: forget it, its events stay in the outbox. */
  refuse(n: number): readonly string[] {
    const ids = this.inFlight.get(n) ?? []
    this.inFlight.delete(n)
    return ids
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
