import { z } from 'zod'
import { Level } from '../../core/levels.ts'

/**
 * Payload fields shared by the movement register's events. Reference fields may be empty so that the
 * refusal names the rule, not "malformed".
 */

export const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
export const ids = z.array(entityId).max(100)
export const shortText = z.string().max(200)
export const name = shortText.min(1)
export const names = z.array(name).min(1).max(50)
export const note = z.string().max(500)
export const ms = z.number().int().nonnegative()
export const levelSchema = z.enum([
  Level.TopSecret,
  Level.Secret,
  Level.Confidential,
  Level.WorkSecret,
  Level.Internal,
  Level.Public,
])
