import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type AppDeps, createApp } from './app.ts'

export interface RunningServer {
  readonly port: number
  readonly url: string
  /** Stops accepting, ends WebSockets and waits for queued sync work; the database stays open. */
  close(): Promise<void>
  /** Ends every session of a user and closes their sync sockets (see SecLedgerApp). */
  endUserSessions(userId: string): Promise<number>
}

/** Serves the app on `port` (0 = any free port) with the WebSocket upgrade attached. */
export function startServer(deps: AppDeps, port: number): Promise<RunningServer> {
  const { app, injectWebSocket, wss, endUserSessions } = createApp(deps)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        endUserSessions,
        async close() {
          for (const client of wss.clients) client.close(1001, 'server shutting down')
          const closed = new Promise<void>((done) => server.close(() => done()))
          // Sockets that do not finish their close handshake in time are cut.
          const force = setTimeout(() => {
            for (const client of wss.clients) client.terminate()
            if ('closeAllConnections' in server) server.closeAllConnections()
          }, 2000)
          await closed
          clearTimeout(force)
          await deps.sync.drain()
        },
      })
    })
    server.once('error', reject)
    injectWebSocket(server)
  })
}
