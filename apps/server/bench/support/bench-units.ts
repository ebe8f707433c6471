import { createHash, randomBytes } from 'node:crypto'
import { type Database, units, users } from '@secledger/db'
import { type EventDraft, type EventEnvelope, generateSigningKeyPair } from '@secledger/domain'
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts'
import { DEMO_COUNTY } from '../../src/demo/demo-data.ts'
import { createFastSigner } from './fast-signer.ts'

type Signer = <T extends string, P>(draft: EventDraft<T, P>) => EventEnvelope<T, P>

/** A township made for a benchmark: its officer and leader, their signers and a session cookie per device. */
export interface BenchUnit {
  readonly id: string
  readonly officer: string
  readonly leader: string
  readonly signOfficer: Signer
  readonly signLeader: Signer
  /** `sl_session=…` of a fresh session of the officer on `deviceId`. */
  cookie(deviceId: string): Promise<string>
}

/** Keys derived from the user id: the same unit in two databases signs alike, so a history is built once. */
function keyPair(userId: string): ReturnType<typeof generateSigningKeyPair> {
  return generateSigningKeyPair(createHash('sha256').update(`secledger-bench:${userId}`).digest())
}

/**
 * Adds `count` townships under the demo county, straight into the tables (no password login: the
 * benchmarks measure sync, not Argon2). Accounts have no usable password.
 */
export async function createBenchUnits(
  database: Database,
  prefix: string,
  count: number,
): Promise<BenchUnit[]> {
  const made = Array.from({ length: count }, (_, i) => {
    const id = `${prefix}-${i + 1}`
    const keys = [keyPair(`${id}-officer`), keyPair(`${id}-leader`)] as const
    return { id, officer: `${id}-officer`, leader: `${id}-leader`, keys }
  })
  await database.db.insert(units).values(
    made.map((unit) => ({
      id: unit.id,
      parentId: DEMO_COUNTY.id,
      kind: 'township' as const,
      name: unit.id,
    })),
  )
  await database.db.insert(users).values(
    made.flatMap((unit) =>
      (['officer', 'leader'] as const).map((role) => ({
        id: role === 'officer' ? unit.officer : unit.leader,
        unitId: unit.id,
        displayName: `${unit.id} ${role}`,
        roles: [role],
        passwordHash: `no-login-${randomBytes(8).toString('hex')}`,
        publicKey: unit.keys[role === 'officer' ? 0 : 1].publicKey,
        wrappedKey: {},
      })),
    ),
  )
  return made.map((unit) => ({
    id: unit.id,
    officer: unit.officer,
    leader: unit.leader,
    signOfficer: createFastSigner(unit.keys[0].secretKey),
    signLeader: createFastSigner(unit.keys[1].secretKey),
    async cookie(deviceId) {
      const { token } = await createSession(database.db, unit.officer, deviceId, new Date())
      return `${SESSION_COOKIE}=${token}`
    },
  }))
}
