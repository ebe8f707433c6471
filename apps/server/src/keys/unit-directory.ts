import { type DatabaseExecutor, users } from '@secledger/db'
import { type DirectoryUser, type KeyDirectory, ROLES, type Role } from '@secledger/domain'
import { asc, eq } from 'drizzle-orm'

/** The public-key directory of one unit: who may sign its events (ARCHITECTURE decision 3). */
export async function loadUnitDirectory(db: DatabaseExecutor, unitId: string): Promise<KeyDirectory> {
  const rows = await db
    .select({
      id: users.id,
      unit: users.unitId,
      roles: users.roles,
      publicKey: users.publicKey,
      displayName: users.displayName,
    })
    .from(users)
    .where(eq(users.unitId, unitId))
    .orderBy(asc(users.id))
  const entries: Record<string, DirectoryUser> = {}
  for (const row of rows) {
    entries[row.id] = {
      id: row.id,
      unit: row.unit,
      roles: row.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
      publicKey: row.publicKey,
      displayName: row.displayName,
    }
  }
  return { users: entries }
}
