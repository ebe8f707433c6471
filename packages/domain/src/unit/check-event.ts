import type { EventDraft } from '../core/event-envelope.ts'
import { hlcWallMs, isHlc } from '../core/hlc.ts'
import { directoryUser } from '../core/key-directory.ts'
import type { EventDefinition, SliceContext } from '../core/register-slice.ts'
import { type DomainError, domainError, err, ok, type Result } from '../core/result.ts'
import { checkResolution } from '../registers/carrier/anomalies.ts'
import { checkCopy } from '../registers/carrier/copy-rules.ts'
import { checkApproval, checkDestruction } from '../registers/carrier/destruction-rules.ts'
import { carrierEventSchemas, isCarrierEventType } from '../registers/carrier/events.ts'
import { checkHandOut, checkRegistration, checkTakeBack } from '../registers/carrier/rules.ts'
import type { RuleEvent, RuleView } from '../registers/carrier/state.ts'
import { worksOf } from './fold-work.ts'
import { payloadError } from './screen.ts'
import {
  type AnySlice,
  type ComposedSlices,
  carrierAwayIn,
  composeSlices,
  deviceIn,
  electronicUsesIn,
  postsIn,
  unitEventDefinition,
  unitViewOf,
} from './slices.ts'
import { screenEventText } from './text-gate.ts'
import type { FoldContext, RegisterState } from './unit-state.ts'

/**
 * The block rules of one parsed event against a state. `strict` (checkEvent, before signing) also
 * refuses what the fold turns into anomalies after a merge: a hand-out of a carrier already out
 * (C-04) and a serial already used (C-01).
 */
export function checkRules(
  view: RuleView,
  event: RuleEvent,
  ctx: FoldContext,
  strict: boolean,
): DomainError | null {
  switch (event.type) {
    case 'carrier.registered':
      return checkRegistration(view, event, ctx, strict)
    case 'carrier.handed_out':
      return checkHandOut(view, event, ctx, strict)
    case 'carrier.taken_back':
      return checkTakeBack(view, event)
    case 'carrier.copied':
      return checkCopy(view, event, ctx)
    case 'approval.granted':
      return checkApproval(view, event)
    case 'carrier.destroyed':
      return checkDestruction(view, event, ctx.policy, ctx.directory)
    case 'anomaly.resolved':
      return checkResolution(view, event)
  }
}

function sliceWorksOf(
  state: RegisterState,
  ctx: FoldContext,
): { slices: ComposedSlices; works: readonly unknown[] } {
  return worksOf(state) ?? { slices: composeSlices(ctx.policy), works: [] }
}

function viewOf(state: RegisterState, slices: ComposedSlices, works: readonly unknown[]): RuleView {
  return {
    carriers: state.carriers,
    approvals: state.approvals,
    serials: state.serials,
    anomaly: (id) => state.anomalies.find((a) => a.id === id),
    carrierAway: (id) => carrierAwayIn(slices, works, id),
    postsOf: (userId) => postsIn(slices, works, userId),
    device: (deviceId) => deviceIn(slices, works, deviceId),
    electronicUses: (carrierId) => electronicUsesIn(slices, works, carrierId),
  }
}

/** A draft of another register's event, judged by its slice against the state's registers. */
function checkSliceDraft(
  state: RegisterState,
  draft: EventDraft,
  ctx: FoldContext,
  atMs: number,
): Result<void> {
  const { slices, works } = sliceWorksOf(state, ctx)
  const index = slices.sliceOfType.get(draft.type) as number
  const slice = slices.list[index] as AnySlice
  const parsed = (slice.events[draft.type] as EventDefinition).schema.safeParse(draft.payload)
  if (!parsed.success) return err(payloadError(parsed.error.issues))
  const sliceCtx: SliceContext = {
    unit: ctx.unit,
    directory: ctx.directory,
    calendar: ctx.calendar,
    view: unitViewOf({ carriers: state.carriers, slices, sliceWorks: works }),
  }
  const event = { id: '', type: draft.type, actor: draft.actor, atMs, payload: parsed.data }
  const error =
    screenEventText(slices, works, slice.events[draft.type]?.schema, parsed.data, ctx.policy.screening) ??
    slice.check(works[index] ?? slice.empty(), event, sliceCtx)
  return error ? err(error) : ok(undefined)
}

/**
 * What the UI runs before signing an event: the actor may sign it for this unit, the payload parses
 * (rule S-01), and no block rule refuses it against the current state. The fold runs the same rules.
 */
export function checkEvent(state: RegisterState, draft: EventDraft, ctx: FoldContext): Result<void> {
  const type = draft.type
  const definition = unitEventDefinition(type, ctx.policy)
  if (definition === undefined)
    return err(domainError('EVT-TYPE', `未知的登记类型 ${type}`, `Unknown event type ${type}`))
  const user = directoryUser(ctx.directory, draft.actor)
  if (!user) return err(domainError('AUTH-ACTOR', '未知的操作人', 'Unknown actor', { actor: draft.actor }))
  if (draft.unit !== ctx.unit || user.unit !== ctx.unit)
    return err(domainError('AUTH-UNIT', '不能为其他单位登记', 'Cannot record for another unit'))
  const roles = definition.roles
  if (!user.roles.some((r) => roles.includes(r)))
    return err(domainError('AUTH-ROLE', '当前角色无权进行此操作', 'Your role may not do this', { roles }))
  if (!isHlc(draft.at)) return err(domainError('EVT-MALFORMED', '登记时间格式错误', 'Malformed event time'))
  if (!isCarrierEventType(type)) return checkSliceDraft(state, draft, ctx, hlcWallMs(draft.at))
  const parsed = carrierEventSchemas[type].safeParse(draft.payload)
  if (!parsed.success) return err(payloadError(parsed.error.issues))
  const event = {
    id: '',
    type,
    actor: draft.actor,
    atMs: hlcWallMs(draft.at),
    payload: parsed.data,
  } as RuleEvent
  const { slices, works } = sliceWorksOf(state, ctx)
  const error =
    screenEventText(slices, works, carrierEventSchemas[type], parsed.data, ctx.policy.screening) ??
    checkRules(viewOf(state, slices, works), event, ctx, true)
  return error ? err(error) : ok(undefined)
}
