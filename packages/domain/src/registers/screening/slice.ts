import type { RegisterSlice, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { MIN_OVERRIDE_REASON_LENGTH } from '../../core/text-screening.ts'
import { isScreeningEventType, type ScreeningOverrideRecorded, screeningEvents } from './events.ts'
import {
  emptyScreeningWork,
  forkScreeningWork,
  type ScreeningState,
  type ScreeningWork,
  viewScreeningWork,
} from './state.ts'

const REASON_CHAR_RE = /[\p{L}\p{N}]/gu

/** rule S-03: an override states a reason of at least MIN_OVERRIDE_REASON_LENGTH letters or digits. */
function checkOverride(event: SliceEvent): DomainError | null {
  if (!isScreeningEventType(event.type))
    return domainError(
      'SCREENING-UNKNOWN-TYPE',
      `未知事件类型 ${event.type}`,
      `Unknown event type ${event.type}`,
    )
  const p = event.payload as ScreeningOverrideRecorded
  if ((p.reason.trim().match(REASON_CHAR_RE)?.length ?? 0) >= MIN_OVERRIDE_REASON_LENGTH) return null
  return domainError(
    'S-03',
    `保留密级标志或敏感词须填写不少于 ${MIN_OVERRIDE_REASON_LENGTH} 个字的理由（规则 S-03）`,
    `Keeping a classification marking or a sensitive word needs a reason of at least ${MIN_OVERRIDE_REASON_LENGTH} characters (rule S-03).`,
    { field: 'reason' },
  )
}

function applyOverride(work: ScreeningWork, event: SliceEvent): void {
  const p = event.payload as ScreeningOverrideRecorded
  for (const textHash of p.textHashes)
    if (!work.overrides.has(textHash))
      work.overrides.set(textHash, {
        textHash,
        eventId: event.id,
        by: event.actor,
        at: event.atMs,
        reason: p.reason,
      })
}

/** The S-03 override log as a slice of the unit fold; the unit's text gate reads it (unit/text-gate.ts). */
export function createScreeningSlice(): RegisterSlice<ScreeningWork, ScreeningState> {
  return {
    name: 'screening',
    events: screeningEvents,
    empty: emptyScreeningWork,
    fork: forkScreeningWork,
    view: viewScreeningWork,
    check: (_work, event) => checkOverride(event),
    apply: applyOverride,
  }
}
