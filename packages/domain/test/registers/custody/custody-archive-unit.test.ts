import { describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../../src/core/event-envelope.ts'
import { fold, local, registration, signed } from '../../support/fixtures.ts'

/**
 * Rules C-10, C-21 through the unit fold: the archive (custody register) and the archived files
 * (movement register) meet only through the unit view, and the organisation register names the posts.
 */

const at = (hhmm: string) => local(`2026-03-02T${hhmm}`)

/** Posts, a carrier archived in file A-2026-1, the file registered and consulted with the office head's approval. */
function history(): EventEnvelope[] {
  const officeHead = signed(
    'movement.consultation_approved',
    { archiveFileIds: ['A-2026-1'], consultant: '李四' },
    { at: at('09:30'), actor: 'chief1' },
  )
  return [
    signed(
      'organisation.post_assigned',
      { post: 'first_responsible', userId: 'leader1' },
      { at: at('08:00') },
    ),
    signed('organisation.post_assigned', { post: 'office_head', userId: 'chief1' }, { at: at('08:01') }),
    signed('carrier.registered', registration(), { at: at('09:00') }),
    signed(
      'custody.archived',
      { batchId: 'b1', archiveRef: 'A-2026-1', carrierIds: ['c1'] },
      { at: at('09:10') },
    ),
    signed(
      'movement.archive_file_registered',
      { fileId: 'A-2026-1', level: 'secret', carrierIds: ['c1'] },
      { at: at('09:20') },
    ),
    officeHead,
    signed(
      'movement.consultation_registered',
      {
        consultationId: 'Q1',
        consultant: '李四',
        consultantUnit: '本镇党政办',
        fromBasicUnit: false,
        files: [{ fileId: 'A-2026-1', level: 'secret', part: '全卷' }],
        location: 'archive_room',
        approvalId: officeHead.id,
      },
      { at: at('09:40') },
    ),
  ]
}

describe('unit fold: the archive and its files (rules C-10, C-21)', () => {
  it('rules C-10, C-21: a carrier consulted with its file is not taken out of the archive until the file is back', () => {
    const approved = signed(
      'custody.withdrawal_approved',
      { carrierIds: ['c1'], requester: '张三', reason: '县纪委调阅原件' },
      { at: at('10:00'), actor: 'leader1' },
    )
    const early = signed(
      'custody.withdrawn',
      { approvalId: approved.id, carrierIds: ['c1'] },
      { at: at('10:10') },
    )
    const closed = signed(
      'movement.consultation_closed',
      { consultationId: 'Q1', missingFileIds: [] },
      {
        at: at('10:20'),
      },
    )
    const withdrawn = signed(
      'custody.withdrawn',
      { approvalId: approved.id, carrierIds: ['c1'] },
      {
        at: at('10:30'),
      },
    )
    const state = fold([...history(), approved, early, closed, withdrawn])
    expect(state.refused.map((r) => [r.type, r.error.code, r.error.details])).toEqual([
      ['custody.withdrawn', 'C-21', { carrierId: 'c1', awayCode: 'C-21' }],
    ])
    expect(state.registers.movement.consultations.get('Q1')?.fileCarrierIds).toEqual({ 'A-2026-1': ['c1'] })
    expect(state.registers.custody.archived.has('c1')).toBe(false)
    expect(state.registers.custody.withdrawals.map((w) => [w.carrierId, w.archiveRef])).toEqual([
      ['c1', 'A-2026-1'],
    ])
    expect(state.registers.custody.withdrawalApprovals.get(approved.id)?.post).toBe('first_responsible')
  })
})
