import { type DatabaseExecutor, units, users } from '@secledger/db'
import { ROLES, type Role } from '@secledger/domain'
import { eq } from 'drizzle-orm'

/** The user as the web app sees it (`GET /api/me`, login). */
export interface UserView {
  readonly id: string
  readonly displayName: string
  readonly unit: { readonly id: string; readonly name: string; readonly kind: 'county' | 'township' }
  readonly roles: readonly Role[]
}

export interface UserAccount {
  readonly view: UserView
  readonly passwordHash: string
  readonly wrappedKey: unknown
}

function toRoles(values: readonly string[]): Role[] {
  return values.filter((value): value is Role => (ROLES as readonly string[]).includes(value))
}

/** The account behind a username, with its unit, or null. */
export async function findUserAccount(db: DatabaseExecutor, userId: string): Promise<UserAccount | null> {
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      passwordHash: users.passwordHash,
      wrappedKey: users.wrappedKey,
      unitId: units.id,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
    .limit(1)
  const row = rows[0]
  if (!row) return null
  return {
    view: {
      id: row.id,
      displayName: row.displayName,
      unit: { id: row.unitId, name: row.unitName, kind: row.unitKind },
      roles: toRoles(row.roles),
    },
    passwordHash: row.passwordHash,
    wrappedKey: row.wrappedKey,
  }
}
