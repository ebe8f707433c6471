import { z } from 'zod'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * rule S-03: the officer's override of a screening hit, itself a signed event. It names the exact texts
 * it lets through by their SHA-256 (hex of the UTF-8 bytes), so an override never covers other text, and
 * it carries the reason, which is screened like any free text (an override cannot excuse its own reason).
 */
export const ScreeningEventType = { OverrideRecorded: 'screening.override_recorded' } as const
export type ScreeningEventType = (typeof ScreeningEventType)[keyof typeof ScreeningEventType]

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

export const screeningOverrideRecordedSchema = z.strictObject({
  textHashes: z.array(sha256Hex).min(1).max(20),
  reason: z.string().max(500),
})
export type ScreeningOverrideRecorded = z.infer<typeof screeningOverrideRecordedSchema>

export interface ScreeningEventPayloads {
  readonly 'screening.override_recorded': ScreeningOverrideRecorded
}

export const screeningEvents: Readonly<Record<ScreeningEventType, EventDefinition>> = {
  // Only the officer may keep a flagged text (DOMAIN S-03: overridable only by the officer).
  'screening.override_recorded': { schema: screeningOverrideRecordedSchema, roles: [Role.Officer] },
}

export function isScreeningEventType(type: string): type is ScreeningEventType {
  return Object.hasOwn(screeningEvents, type)
}
