import { distinctHands, requirePost } from '../../core/approvals.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import type { DomainError } from '../../core/result.ts'
import { type DeviceSliceEvent, isDeviceError, registeredDevice } from './rules.ts'
import { BOOK_SIGNER_POSTS, type DeviceWork } from './state.ts'

/**
 * Who approves in the device register (posts from the organisation register, B-04) and four eyes:
 * the approver of a repair, disposal or reuse does not carry it out too.
 */

/**
 * rules M-05, B-04: any leader approves a replacement; a scrap only the main leader, read from the
 * organisation register at the event's time.
 */
export function checkDisposalApproved(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.disposal_approved'>,
  ctx: SliceContext,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (event.payload.disposal === 'replace') return null
  return requirePost('M-05', ctx.view, event.actor, ['first_responsible'])
}

/** Four eyes: the leader who approved a repair, disposal or reuse does not carry it out too. */
export function approverIsNotActor(rule: string, approvedBy: string, actor: string, act: [string, string]) {
  return distinctHands(rule, [
    { zh: '批准人', en: 'approver', person: approvedBy },
    { zh: act[0], en: act[1], person: actor },
  ])
}

/**
 * rules B-05, B-04: the book is signed by the 单位责任领导, read from the organisation register at the
 * event's time; four eyes: the leader does not sign their own book as both parties.
 */
export function checkUserBookSigned(
  event: DeviceSliceEvent<'device.user_book_signed'>,
  ctx: SliceContext,
): DomainError | null {
  return (
    requirePost('B-05', ctx.view, event.actor, BOOK_SIGNER_POSTS) ??
    distinctHands('B-05', [
      { zh: '单位责任领导', en: 'responsible leader', person: event.actor },
      { zh: '使用人', en: 'user', person: event.payload.user },
    ])
  )
}
