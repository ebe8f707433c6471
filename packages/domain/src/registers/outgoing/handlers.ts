import type { SliceContext } from '../../core/register-slice.ts'
import type { OutgoingEventType } from './events.ts'
import type { OutgoingPolicy } from './policy.ts'
import type { OutgoingSliceEvent } from './rules.ts'
import type { OutgoingWork } from './state.ts'

/** How an event that passed its check changes the register (split across apply.ts and return-apply.ts). */
export type OutgoingHandler<T extends OutgoingEventType> = (
  work: OutgoingWork,
  event: OutgoingSliceEvent<T>,
  ctx: SliceContext,
  policy: OutgoingPolicy,
) => void
export type OutgoingHandlers = { readonly [T in OutgoingEventType]: OutgoingHandler<T> }
