import type { Role } from '@secledger/domain'

/** The user as `POST /api/auth/login` and `GET /api/me` return it (contracts.md HTTP API). */
export interface SessionUser {
  readonly id: string
  readonly displayName: string
  readonly unit: { readonly id: string; readonly name: string; readonly kind: 'county' | 'township' }
  readonly roles: readonly Role[]
}

export function hasRole(user: SessionUser | null, role: Role): boolean {
  return user?.roles.includes(role) ?? false
}
