import type { SliceContext } from '../core/register-slice.ts'
import { refusedEvent } from '../registers/carrier/anomalies.ts'
import { openAnomaly } from './anomaly-log.ts'
import { type FoldWork, touchSlice } from './fold-work.ts'
import type { ScreenedSliceEvent } from './screen.ts'
import { unitViewOf } from './slices.ts'
import { screenEventText } from './text-gate.ts'
import type { FoldContext } from './unit-state.ts'

function sliceContextOf(work: FoldWork, ctx: FoldContext): SliceContext {
  work.sliceContext ??= {
    unit: ctx.unit,
    directory: ctx.directory,
    calendar: ctx.calendar,
    view: unitViewOf(work),
  }
  return work.sliceContext
}

/**
 * One event of another register, in log order with the carrier events: its slice's block rules judge
 * it against the registers as folded so far (cross-register rules read them through the unit view),
 * then it is applied or refused like a carrier event.
 */
export function foldSliceEvent(work: FoldWork, screened: ScreenedSliceEvent, ctx: FoldContext): void {
  const slice = work.slices.list[screened.sliceIndex]
  // Stryker disable next-line ConditionalExpression: screening found the index in the same composition
  if (slice === undefined) return
  const sliceWork = touchSlice(work, screened.sliceIndex)
  const sliceCtx = sliceContextOf(work, ctx)
  const event = screened.event
  const error =
    screenEventText(
      work.slices,
      work.sliceWorks,
      slice.events[event.type]?.schema,
      event.payload,
      ctx.policy.screening,
    ) ?? slice.check(sliceWork, event, sliceCtx)
  if (error !== null) {
    work.refused.push({ eventId: event.id, type: event.type, error })
    openAnomaly(work, refusedEvent(event.id, event.payload, event.atMs))
    return
  }
  slice.apply(sliceWork, event, sliceCtx)
}
