import type { DirectoryUser } from '../../src/core/key-directory.ts'
import type { SliceContext, SliceEvent } from '../../src/core/register-slice.ts'
import type { Role } from '../../src/core/roles.ts'
import { makeContext, UNIT } from './fixtures.ts'
import { idSequence } from './slice-fold.ts'

/** A user of the test unit by roles, or of another unit. */
type SliceUser = readonly Role[] | { readonly roles: readonly Role[]; readonly unit: string }

/**
 * The default test context over a register's own users (display name = id, no key: a slice folded
 * alone does not verify signatures), for registers whose rules need users besides fixtures.ts's.
 */
export function sliceContext(users: Readonly<Record<string, SliceUser>>): SliceContext {
  const entry = ([id, u]: [string, SliceUser]): [string, DirectoryUser] => {
    const { roles, unit } = 'unit' in u ? u : { roles: u, unit: UNIT }
    return [id, { id, unit, roles, displayName: id, publicKey: '' }]
  }
  return makeContext({ directory: { users: Object.fromEntries(Object.entries(users).map(entry)) } })
}

/**
 * Typed events of a register by its payload map, ids `<prefix>001`, … in creation order; the actor
 * is any user id of the register's context.
 */
export function typedEventBuilder<P extends object>(prefix = 'e') {
  const nextId = idSequence(prefix)
  return <T extends keyof P & string>(
    type: T,
    payload: P[T],
    atMs: number,
    actor = 'officer1',
  ): SliceEvent => ({
    id: nextId(),
    type,
    actor,
    atMs,
    payload,
  })
}
