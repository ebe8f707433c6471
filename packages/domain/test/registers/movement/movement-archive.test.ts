import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { DEFAULT_MOVEMENT_POLICY } from '../../../src/registers/movement/policy.ts'
import { openMovementAnomalies, overdueMovements } from '../../../src/registers/movement/queries.ts'
import { createMovementSlice } from '../../../src/registers/movement/slice.ts'
import { codes, consultation, DAY, eventBuilder, foldMovements, loan, START } from './movement-fixtures.ts'

type Files = P['movement.consultation_registered']['files']
const secretFile: Files = [{ fileId: 'A-2019-7', level: 'secret', part: '卷内第2件' }]
const officeHead: P['movement.consultation_approved'] = {
  archiveFileIds: ['A-2019-7'],
  consultant: '李四',
}

describe('movement register: archive consultation (C-21)', () => {
  it('rule C-21: files are consulted only in the archive room (or its reading room), never taken elsewhere', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation({ location: 'office' })),
      ev('movement.consultation_registered', consultation({ location: 'elsewhere' })),
      ev('movement.consultation_registered', consultation({ location: 'archive_reading_room' })),
      ev('movement.consultation_registered', consultation({ consultationId: 'Q2' })),
      ev('movement.consultation_registered', consultation({ consultationId: 'Q2' })),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21', 'MOVEMENT-EXISTS'])
    expect([...fold.state.consultations.keys()]).toEqual(['Q1', 'Q2'])
  })

  it("rule C-21: classified files need the office head's approval for this consultant and these files", () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation({ files: [...secretFile] })),
      ev('movement.consultation_approved', officeHead, { actor: 'chief1' }),
      ev('movement.consultation_approved', officeHead),
      ev('movement.consultation_registered', consultation({ files: [...secretFile], approvalId: 'm002' })),
      ev(
        'movement.consultation_registered',
        consultation({ files: [...secretFile], approvalId: 'm003', consultant: '王五' }),
      ),
      ev(
        'movement.consultation_registered',
        consultation({
          files: [...secretFile, { fileId: 'A-2019-8', level: 'internal', part: '全卷' }],
          approvalId: 'm003',
        }),
      ),
      ev('movement.consultation_registered', consultation({ files: [...secretFile], approvalId: 'm003' })),
      ev(
        'movement.consultation_registered',
        consultation({ consultationId: 'Q2', files: [...secretFile], approvalId: 'm003' }),
      ),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21', 'C-21', 'C-21', 'C-21', 'C-21'])
    expect(fold.state.consultations.get('Q1')).toMatchObject({ approvalId: 'm003', eventId: 'm007' })
  })

  it('rule C-21: a 基层单位 presents a letter of introduction stating what it consults, and needs approval', () => {
    const basic = { fromBasicUnit: true, consultantUnit: '某村委会', consultant: '李四' }
    const letter = { introductionLetterRef: '村介〔2026〕1号', statedContent: '2019年土地承包档案' }
    const files: Files = [{ fileId: 'A-2019-7', level: 'internal', part: '第3-5页' }]
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.consultation_approved', officeHead),
      ev(
        'movement.consultation_registered',
        consultation({ ...basic, files: [...files], approvalId: 'm001' }),
      ),
      ev(
        'movement.consultation_registered',
        consultation({ ...basic, ...letter, statedContent: ' ', files: [...files], approvalId: 'm001' }),
      ),
      ev('movement.consultation_registered', consultation({ ...basic, ...letter, files: [...files] })),
      ev(
        'movement.consultation_registered',
        consultation({ ...basic, ...letter, files: [...files], approvalId: 'm001' }),
      ),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21', 'C-21'])
    expect(fold.state.consultations.get('Q1')).toMatchObject({
      introductionLetterRef: '村介〔2026〕1号',
      eventId: 'm005',
    })
  })

  it('rule C-21: where the county requires it, every consultation needs the approval', () => {
    const ev = eventBuilder()
    const events = [ev('movement.consultation_registered', consultation())]
    expect(codes(foldMovements(events))).toEqual([])
    const slice = createMovementSlice({ ...DEFAULT_MOVEMENT_POLICY, approvalForEveryConsultation: true })
    expect(codes(foldMovements(events, { slice }))).toEqual(['C-21'])
  })

  it('rule C-21: only the registered part is excerpted; an excerpt is checked and stamped', () => {
    const ev = eventBuilder()
    const x = {
      consultationId: 'Q1',
      fileId: 'A-2020-1',
      withinRegisteredPart: true,
      checkedBy: '王保密',
      stamped: true,
    }
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation()),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x1', withinRegisteredPart: false }),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x1', stamped: false }),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x1', checkedBy: '' }),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x1', fileId: 'A-2020-2' }),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x1', consultationId: 'Q9' }),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x1' }),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x1' }),
      ev('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: [] }),
      ev('movement.consultation_excerpt_recorded', { ...x, excerptId: 'x2' }),
    ])
    expect(codes(fold)).toEqual([
      'C-21',
      'C-21',
      'C-21',
      'C-21',
      'C-21',
      'MOVEMENT-EXISTS',
      'MOVEMENT-CLOSED',
    ])
    expect(fold.state.consultations.get('Q1')?.excerpts.map((e) => e.eventId)).toEqual(['m007'])
    expect(openMovementAnomalies(fold.state)).toEqual([])
  })

  it('rule C-21: a file not back at the close is an anomaly; until recovered it is neither consulted nor lent', () => {
    const ev = eventBuilder()
    const events = [
      ev('movement.consultation_registered', consultation()),
      ev('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: ['A-2020-9'] }),
      ev('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: ['A-2020-1'] }),
      ev('movement.consultation_registered', consultation({ consultationId: 'Q2' })),
      ev('movement.loan_out_approved', {
        carrierIds: [],
        archiveFileIds: ['A-2020-1'],
        borrower: '县档案馆',
        specialReason: '上级调阅',
      }),
      ev(
        'movement.loaned_out',
        loan({ carrierIds: [], archiveFileIds: ['A-2020-1'], borrower: '县档案馆', approvalId: 'm005' }),
      ),
    ]
    const fold = foldMovements(events)
    expect(codes(fold)).toEqual(['C-21', 'C-21', 'C-21'])
    expect(openMovementAnomalies(fold.state)).toMatchObject([
      { id: 'consultation_incomplete:m003', rule: 'C-21', missingIds: ['A-2020-1'] },
    ])
    const found = foldMovements([
      ...events,
      ev('movement.anomaly_resolved', {
        anomalyId: 'consultation_incomplete:m003',
        note: '已在柜内找到',
        recovered: true,
      }),
      ev('movement.consultation_registered', consultation({ consultationId: 'Q3' })),
    ])
    expect(codes(found)).toEqual(['C-21', 'C-21', 'C-21'])
    expect(found.state.consultations.has('Q3')).toBe(true)
  })

  it("rule C-21: files are lent only in a special case with a leader's approval, and then it is a C-06 loan", () => {
    const approve: P['movement.loan_out_approved'] = {
      carrierIds: [],
      archiveFileIds: ['A-2020-1'],
      borrower: '县档案馆',
    }
    const lend = loan({
      carrierIds: [],
      archiveFileIds: ['A-2020-1'],
      borrower: '县档案馆',
      approvalId: 'm002',
    })
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', approve),
      ev('movement.loan_out_approved', { ...approve, specialReason: '县档案馆专项检查调阅' }),
      ev('movement.loaned_out', { ...lend, archiveFileIds: ['A-2020-1', 'A-2020-2'] }),
      ev('movement.loaned_out', { ...lend, borrowerApprovalRef: '' }),
      ev('movement.consultation_registered', consultation()),
      ev('movement.loaned_out', lend),
      ev('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: [] }),
      ev('movement.loaned_out', lend),
      ev('movement.consultation_registered', consultation({ consultationId: 'Q2' })),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21', 'C-06', 'C-21', 'C-21'])
    expect(fold.state.loans.get('L1')).toMatchObject({ archiveFileIds: ['A-2020-1'], eventId: 'm008' })
    expect(fold.state.filesAway.get('A-2020-1')).toMatchObject({ rule: 'C-06', refId: 'L1', status: 'out' })
    expect(overdueMovements(fold.state, START + 7 * DAY + 1)).toMatchObject([
      { rule: 'C-06', itemIds: ['A-2020-1'] },
    ])
  })
})
