import type { DomainError } from '@secledger/domain'

/** A live connection that lives on a session: told to end when the session does. */
export interface SessionSocket {
  end(error: DomainError): void
}

/**
 * The open sync sockets of this process, by session id (issue 10 item 2): a socket authenticates once, at
 * its upgrade, so logout, expiry and a disabled user must reach it here. In-process only: a socket on
 * another node learns of a logout at its next frame, which re-checks the session in the database.
 */
export interface SessionSockets {
  /** Registers a socket; the returned function removes it (call it when the socket closes). */
  add(sessionId: string, userId: string, socket: SessionSocket): () => void
  /** Ends every socket of the session; returns how many. */
  endSession(sessionId: string, error: DomainError): number
  /** Ends every socket of the user, whichever session it was opened with; returns how many. */
  endUser(userId: string, error: DomainError): number
  /** Open sockets (for tests and metrics). */
  readonly size: number
}

export function createSessionSockets(): SessionSockets {
  const bySession = new Map<string, Map<SessionSocket, string>>()

  function endAll(sockets: Iterable<SessionSocket>, error: DomainError): number {
    let ended = 0
    // A copy: `end` closes the socket, whose close handler removes it from the maps.
    for (const socket of [...sockets]) {
      socket.end(error)
      ended++
    }
    return ended
  }

  return {
    add(sessionId, userId, socket) {
      let sockets = bySession.get(sessionId)
      if (!sockets) {
        sockets = new Map()
        bySession.set(sessionId, sockets)
      }
      sockets.set(socket, userId)
      return () => {
        const current = bySession.get(sessionId)
        if (!current) return
        current.delete(socket)
        if (current.size === 0) bySession.delete(sessionId)
      }
    },
    endSession(sessionId, error) {
      return endAll(bySession.get(sessionId)?.keys() ?? [], error)
    },
    endUser(userId, error) {
      const sockets: SessionSocket[] = []
      for (const entries of bySession.values())
        for (const [socket, owner] of entries) if (owner === userId) sockets.push(socket)
      return endAll(sockets, error)
    },
    get size() {
      let count = 0
      for (const sockets of bySession.values()) count += sockets.size
      return count
    },
  }
}
