import type { EventEnvelope } from '../core/event-envelope.ts'
import { verifyEventSignature } from '../core/event-envelope.ts'
import { hlcWallMs, isHlc } from '../core/hlc.ts'
import { type SecurityAlert, SecurityAlertKind, screenEvent } from '../core/key-directory.ts'
import type { SliceEvent } from '../core/register-slice.ts'
import { type DomainError, domainError } from '../core/result.ts'
import {
  CARRIER_EVENT_ROLES,
  type CarrierEventType,
  carrierEventSchemas,
  isCarrierEventType,
  MAX_TITLE_LENGTH,
} from '../registers/carrier/events.ts'
import { fastHandedOut, fastTakenBack } from '../registers/carrier/fast-parse.ts'
import type { RuleEvent } from '../registers/carrier/state.ts'
import type { ComposedSlices } from './slices.ts'
import type { FoldContext } from './unit-state.ts'

/**
 * The gate every event passes before any rule (ARCHITECTURE decision 3): signature, known actor, the
 * actor's unit is the register's unit, the role may sign the type; then the payload is parsed with its
 * strict schema (rule S-01). Anything else becomes a security alert and changes nothing.
 */

function alert(event: EventEnvelope, kind: SecurityAlert['kind']): SecurityAlert {
  return {
    eventId: String(event.id),
    kind,
    actor: String(event.actor),
    type: String(event.type),
    at: String(event.at),
  }
}

/** An event of another register (classification, telegrams…), screened and parsed for its slice. */
export interface ScreenedSliceEvent {
  readonly sliceIndex: number
  readonly event: SliceEvent
}

export type ScreenVerdict = RuleEvent | ScreenedSliceEvent | SecurityAlert

function screenSliceEvent(
  event: EventEnvelope,
  ctx: FoldContext,
  slices: ComposedSlices,
  sliceIndex: number,
): ScreenedSliceEvent | SecurityAlert {
  const def = slices.list[sliceIndex]?.events[event.type]
  const kind = screenEvent(event, ctx.unit, ctx.directory, def?.roles, ctx.verify ?? verifyEventSignature)
  if (kind !== null || def === undefined) return alert(event, kind ?? SecurityAlertKind.UnknownType)
  const parsed = def.schema.safeParse(event.payload)
  if (!parsed.success) return alert(event, SecurityAlertKind.MalformedPayload)
  return {
    sliceIndex,
    event: {
      id: event.id,
      type: event.type,
      actor: event.actor,
      atMs: hlcWallMs(event.at),
      payload: parsed.data,
    },
  }
}

/**
 * The parsed event, or the alert it raises: carrier events for the carrier fold, other registers'
 * events for their slice, through the same gate.
 */
export function screenUnitEvent(
  event: EventEnvelope,
  ctx: FoldContext,
  slices: ComposedSlices,
): ScreenVerdict {
  if (typeof event.id !== 'string' || !isHlc(event.at))
    return alert(event, SecurityAlertKind.MalformedPayload)
  const type = event.type
  const carrierType = isCarrierEventType(type)
  if (!carrierType) {
    const sliceIndex = typeof type === 'string' ? slices.sliceOfType.get(type) : undefined
    if (sliceIndex !== undefined) return screenSliceEvent(event, ctx, slices, sliceIndex)
  }
  const roles = carrierType ? CARRIER_EVENT_ROLES[type] : undefined
  const kind = screenEvent(event, ctx.unit, ctx.directory, roles, ctx.verify ?? verifyEventSignature)
  if (kind !== null || !carrierType) return alert(event, kind ?? SecurityAlertKind.UnknownType)
  const payload = parseCarrierPayload(type, event.payload)
  if (payload === undefined) return alert(event, SecurityAlertKind.MalformedPayload)
  return { id: event.id, type, actor: event.actor, atMs: hlcWallMs(event.at), payload } as RuleEvent
}

/** rule S-01: the payload as its strict schema returns it, or undefined (hot types checked fast first). */
function parseCarrierPayload(type: CarrierEventType, payload: unknown): unknown {
  const fast =
    type === 'carrier.handed_out'
      ? fastHandedOut(payload)
      : type === 'carrier.taken_back'
        ? fastTakenBack(payload)
        : undefined
  if (fast !== undefined) return fast
  const parsed = carrierEventSchemas[type].safeParse(payload)
  return parsed.success ? parsed.data : undefined
}

/** Why a payload does not parse, for people (checkEvent). Extra fields or an over-long title: rule S-01. */
export function payloadError(
  issues: readonly { readonly code: string; readonly path: readonly PropertyKey[] }[],
): DomainError {
  const s01 = issues.some(
    (i) => i.code === 'unrecognized_keys' || (i.code === 'too_big' && i.path[0] === 'title'),
  )
  const fields = issues.map((i) => i.path.map(String).join('.')).filter((f) => f !== '')
  if (s01)
    return domainError(
      'S-01',
      `台账只登记元数据：不得有多余字段，标题不超过 ${MAX_TITLE_LENGTH} 字（规则 S-01）`,
      `Registers hold metadata only: no extra fields, titles up to ${MAX_TITLE_LENGTH} characters (rule S-01)`,
      { fields },
    )
  return domainError('EVT-MALFORMED', '登记内容格式错误', 'The entry is malformed', { fields })
}
