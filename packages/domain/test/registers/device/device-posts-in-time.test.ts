import { describe, expect, it } from 'vitest'
import { fold, local, refusedCodes, signed } from '../../support/fixtures.ts'
import { device } from './device-fold.ts'

/**
 * rules M-05, B-04 in the unit fold: the main leader who approves a scrap is whoever holds the post in
 * the organisation register at the approval's time, as the appointments change.
 */

const at = (hhmm: string) => local(`2026-03-02T${hhmm}`)
const post = (
  kind: 'organisation.post_assigned' | 'organisation.post_vacated',
  userId: string,
  hhmm: string,
) => signed(kind, { post: 'first_responsible', userId }, { at: at(hhmm), actor: 'leader1' })
const scrap = (deviceId: string, actor: 'chief1' | 'leader1', hhmm: string) =>
  signed('device.disposal_approved', { deviceId, disposal: 'scrap' }, { at: at(hhmm), actor })

describe('device register: posts at the event time (unit fold)', () => {
  it('rules M-05, B-04: a scrap is approved by the main leader of that moment, not of another', () => {
    const state = fold([
      post('organisation.post_assigned', 'chief1', '08:00'),
      signed(
        'device.user_book_signed',
        { bookId: 'b1', user: 'staff-a' },
        { at: at('08:10'), actor: 'chief1' },
      ),
      signed('device.registered', device(), { at: at('08:20') }),
      signed('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002' }), { at: at('08:21') }),
      scrap('pc1', 'chief1', '09:00'),
      scrap('pc2', 'leader1', '09:30'),
      // The main leader changes: chief1 leaves the post, leader1 takes it.
      post('organisation.post_vacated', 'chief1', '10:00'),
      post('organisation.post_assigned', 'leader1', '10:01'),
      scrap('pc2', 'chief1', '11:00'),
      scrap('pc2', 'leader1', '11:30'),
    ])
    expect(refusedCodes(state)).toEqual(['M-05', 'M-05'])
    expect(state.refused.map((r) => r.error.details)).toMatchObject([
      { approver: 'leader1', held: [] },
      { approver: 'chief1', held: [] },
    ])
    expect([...state.registers.device.approvals.values()].map((a) => [a.deviceId, a.by])).toEqual([
      ['pc1', 'chief1'],
      ['pc2', 'leader1'],
    ])
  })
})
