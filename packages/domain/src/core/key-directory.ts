import type { EventEnvelope } from './event-envelope.ts'
import { verifyEventSignature } from './event-envelope.ts'
import type { Role } from './roles.ts'

/** What every replica needs to check who signed an event: the server's public key directory. */
export interface DirectoryUser {
  readonly id: string
  readonly unit: string
  readonly roles: readonly Role[]
  readonly publicKey: string
  readonly displayName: string
}

export interface KeyDirectory {
  readonly users: Readonly<Record<string, DirectoryUser>>
}

export const SecurityAlertKind = {
  BadSignature: 'bad_signature',
  UnknownActor: 'unknown_actor',
  RoleNotAllowed: 'role_not_allowed',
  WrongUnit: 'wrong_unit',
  UnknownType: 'unknown_type',
  MalformedPayload: 'malformed_payload',
} as const
export type SecurityAlertKind = (typeof SecurityAlertKind)[keyof typeof SecurityAlertKind]

/** An event that every fold ignores because it does not check out (ARCHITECTURE decision 3). */
export interface SecurityAlert {
  readonly eventId: string
  readonly kind: SecurityAlertKind
  readonly actor: string
  readonly type: string
  readonly at: string
}

/**
 * Signature checks dominate first sync (~0.1 ms each), so replicas memoise them by event id;
 * the id is a hash of the content, so a cached verdict can never be reused for other bytes.
 */
export function createSignatureCache(): (event: EventEnvelope, publicKey: string) => boolean {
  const verdicts = new Map<string, boolean>()
  return (event, publicKey) => {
    const key = `${event.id}:${event.sig}:${publicKey}`
    const known = verdicts.get(key)
    if (known !== undefined) return known
    const verdict = verifyEventSignature(event, publicKey)
    verdicts.set(key, verdict)
    return verdict
  }
}

/** The directory entry of a user id; own entries only, so an actor named `__proto__` is simply unknown. */
export function directoryUser(directory: KeyDirectory, userId: string): DirectoryUser | undefined {
  return Object.hasOwn(directory.users, userId) ? directory.users[userId] : undefined
}

/**
 * Checks authenticity and authority of one event; returns the alert kind or null when it may be folded.
 * `allowedRoles` comes from the event type's definition.
 */
export function screenEvent(
  event: EventEnvelope,
  docUnit: string,
  directory: KeyDirectory,
  allowedRoles: readonly Role[] | undefined,
  verify: (event: EventEnvelope, publicKey: string) => boolean,
): SecurityAlertKind | null {
  if (allowedRoles === undefined) return SecurityAlertKind.UnknownType
  const user = directoryUser(directory, event.actor)
  if (!user) return SecurityAlertKind.UnknownActor
  if (!verify(event, user.publicKey)) return SecurityAlertKind.BadSignature
  if (event.unit !== docUnit || user.unit !== docUnit) return SecurityAlertKind.WrongUnit
  if (!user.roles.some((role) => allowedRoles.includes(role))) return SecurityAlertKind.RoleNotAllowed
  return null
}
