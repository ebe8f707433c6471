import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { CarrierAway } from '../../../src/core/unit-view.ts'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { movementCarrierAway, movementSlice } from '../../../src/registers/movement/slice.ts'
import { makeContext } from '../../support/fixtures.ts'
import { contextWithView, testUnitView } from '../../support/slice-fold.ts'
import {
  CARRIERS,
  codes,
  consultation,
  eventBuilder,
  foldMovements,
  loan,
  POSTS,
} from './movement-fixtures.ts'

/**
 * Rules C-10, C-21: an archived file (案卷) is linked by carrier id to the carriers archived under C-10
 * (the custody register, read through UnitView.carrierAway); consulting or lending the file moves them.
 */

const archived: CarrierAway = { code: 'C-10', zh: '已归档', en: 'archived', holder: 'archive', since: 0 }
/** arch1 (机密, 'secret') and c2 (秘密, 'confidential') are in the archive; c1 is not. */
const away = { arch1: archived, c2: archived }
const file = (
  o: Partial<P['movement.archive_file_registered']> = {},
): P['movement.archive_file_registered'] => ({
  fileId: 'F1',
  level: 'secret',
  carrierIds: ['arch1'],
  ...o,
})
const secretF1: P['movement.consultation_registered']['files'] = [
  { fileId: 'F1', level: 'secret', part: '全卷' },
]

describe('movement register: archived files and their carriers (C-10, C-21)', () => {
  it('rules C-10, C-21: a file lists carriers archived under C-10, each in one file, at no lower level', () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.archive_file_registered', file({ level: 'internal' })),
        ev('movement.archive_file_registered', file({ carrierIds: ['c1'] })),
        ev('movement.archive_file_registered', file({ carrierIds: ['arch1', 'arch1'] })),
        ev('movement.archive_file_registered', file({ carrierIds: ['nope'] })),
        ev('movement.archive_file_registered', file()),
        ev('movement.archive_file_registered', file()),
        ev('movement.archive_file_registered', file({ fileId: 'F2', carrierIds: ['c2', 'arch1'] })),
        ev(
          'movement.archive_file_registered',
          file({ fileId: 'F2', level: 'confidential', carrierIds: ['c2'] }),
        ),
        ev('movement.archive_file_registered', file({ fileId: 'F3' }), { actor: 'leader1' }),
      ],
      { away },
    )
    expect(codes(fold)).toEqual(['C-21', 'C-10', 'C-21', 'C-21', 'MOVEMENT-EXISTS', 'C-21', 'ROLE'])
    expect(fold.refused[0]?.error.details).toEqual({ fileId: 'F1', level: 'internal', highest: 'secret' })
    expect(fold.refused[1]?.error.details).toEqual({ carrierId: 'c1', fileId: 'F1' })
    expect(fold.refused[5]?.error.details).toEqual({ carrierId: 'arch1', fileId: 'F1' })
    expect([...fold.state.archiveFiles.values()].map((f) => [f.fileId, f.carrierIds])).toEqual([
      ['F1', ['arch1']],
      ['F2', ['c2']],
    ])
    expect(fold.state.carrierFile.get('arch1')).toBe('F1')
  })

  it('rule C-21: consulting a registered file takes its carriers along; they are away until it closes', () => {
    const ev = eventBuilder()
    const events = [
      ev('movement.archive_file_registered', file()),
      ev('movement.consultation_approved', { archiveFileIds: ['F1'], consultant: '李四' }),
      // The consultation cannot register the file below its level (and so skip the approval).
      ev(
        'movement.consultation_registered',
        consultation({ files: [{ fileId: 'F1', level: 'internal', part: '全卷' }] }),
      ),
      ev('movement.consultation_registered', consultation({ files: secretF1, approvalId: 'm002' })),
    ]
    const open = foldMovements(events, { away })
    expect(codes(open)).toEqual(['C-21'])
    expect(open.refused[0]?.error.details).toEqual({ fileId: 'F1', level: 'internal', fileLevel: 'secret' })
    expect(open.state.consultations.get('Q1')?.fileCarrierIds).toEqual({ F1: ['arch1'] })
    expect(movementCarrierAway(open.state, 'arch1')).toMatchObject({ code: 'C-21', holder: '李四' })
    expect(movementCarrierAway(open.state, 'arch1')?.zh).toContain('随案卷调阅')

    const closed = foldMovements(
      [...events, ev('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: [] })],
      { away },
    )
    expect(movementCarrierAway(closed.state, 'arch1')).toBeNull()
  })

  it('rule C-21: a registered file not back at the close keeps its carriers missing until recovered', () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.archive_file_registered', file()),
        ev('movement.consultation_approved', { archiveFileIds: ['F1'], consultant: '李四' }),
        ev('movement.consultation_registered', consultation({ files: secretF1, approvalId: 'm002' })),
        ev('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: ['F1'] }),
      ],
      { away },
    )
    expect(fold.state.carriersAway.get('arch1')).toMatchObject({
      status: 'missing',
      anomalyId: 'consultation_incomplete:m004',
    })
    expect(movementCarrierAway(fold.state, 'arch1')?.zh).toContain('未归还')
    const ev2 = eventBuilder()
    const resolved = foldMovements(
      [
        ev2('movement.archive_file_registered', file()),
        ev2('movement.consultation_approved', { archiveFileIds: ['F1'], consultant: '李四' }),
        ev2('movement.consultation_registered', consultation({ files: secretF1, approvalId: 'm002' })),
        ev2('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: ['F1'] }),
        ev2('movement.anomaly_resolved', {
          anomalyId: 'consultation_incomplete:m004',
          note: '已在查档室找回',
          recovered: true,
        }),
      ],
      { away },
    )
    expect(movementCarrierAway(resolved.state, 'arch1')).toBeNull()
    expect(resolved.state.filesAway.size).toBe(0)
  })

  it('rules C-06, C-21: lending a registered file lends its carriers; they come back with the file', () => {
    const ev = eventBuilder()
    const approve = {
      carrierIds: [],
      archiveFileIds: ['F1'],
      borrower: '县档案馆',
      specialReason: '上级专项检查',
    }
    const events = [
      ev('movement.archive_file_registered', file()),
      ev('movement.loan_out_approved', approve),
      ev(
        'movement.loaned_out',
        loan({ carrierIds: [], archiveFileIds: ['F1'], borrower: '县档案馆', approvalId: 'm002' }),
      ),
    ]
    const out = foldMovements(events, { away })
    expect(codes(out)).toEqual([])
    expect(out.state.loans.get('L1')?.fileCarrierIds).toEqual({ F1: ['arch1'] })
    expect(movementCarrierAway(out.state, 'arch1')).toMatchObject({ code: 'C-06', holder: '县档案馆' })
    const back = foldMovements(
      [...events, ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['F1'], damagedIds: [] })],
      { away },
    )
    expect(movementCarrierAway(back.state, 'arch1')).toBeNull()
    const lost = foldMovements(
      [...events, ev('movement.loan_returned', { loanId: 'L1', returnedIds: [], damagedIds: [] })],
      { away },
    )
    expect(lost.state.carriersAway.get('arch1')).toMatchObject({ rule: 'C-06', status: 'missing' })
  })

  it('rule C-21: a carrier taken out of the archive since the file was registered does not go with it', () => {
    const ev = eventBuilder()
    const inArchive = contextWithView(testUnitView({ carriers: CARRIERS, away, posts: POSTS }), makeContext())
    const takenOut = contextWithView(
      testUnitView({ carriers: CARRIERS, away: { c2: archived }, posts: POSTS }),
      makeContext(),
    )
    const work = movementSlice.fork(movementSlice.empty())
    const run = (event: SliceEvent, ctx: typeof inArchive) => {
      expect(movementSlice.check(work, event, ctx)).toBeNull()
      movementSlice.apply(work, event, ctx)
    }
    run(ev('movement.archive_file_registered', file({ carrierIds: ['arch1', 'c2'] })), inArchive)
    run(ev('movement.consultation_approved', { archiveFileIds: ['F1'], consultant: '李四' }), takenOut)
    run(
      ev('movement.consultation_registered', consultation({ files: secretF1, approvalId: 'm002' })),
      takenOut,
    )
    const state = movementSlice.view(work)
    expect(state.consultations.get('Q1')?.fileCarrierIds).toEqual({ F1: ['c2'] })
    expect(movementCarrierAway(state, 'arch1')).toBeNull()
    expect(movementCarrierAway(state, 'c2')).toMatchObject({ code: 'C-21' })
  })
})
