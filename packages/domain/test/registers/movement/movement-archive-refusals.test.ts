import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { codes, consultation, eventBuilder, foldMovements, loan } from './movement-fixtures.ts'

/** What each refusal of rule C-21 (archive consultation) says, and the paths the main tests do not reach. */

type Files = P['movement.consultation_registered']['files']
const file = (fileId: string, level: Files[number]['level'] = 'internal'): Files[number] => ({
  fileId,
  level,
  part: '全卷',
})
const officeHead: P['movement.consultation_approved'] = {
  archiveFileIds: ['A-2019-7'],
  consultant: '李四',
}

describe('movement register: consultation approval and registration refusals (C-21)', () => {
  it('rules C-21, B-04: only the office head approves, each file once, and the refusal says so', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.consultation_approved', officeHead, { actor: 'chief1' }),
      ev('movement.consultation_approved', { ...officeHead, archiveFileIds: ['A-2019-7', 'A-2019-7'] }),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21'])
    // chief1 is the 分管领导 in the organisation register, not the office head.
    expect(fold.refused[0]?.error.message.zh).toContain('chief1 在组织机构台账中不是办公室主任，不能批准')
    expect(fold.refused[0]?.error.details).toEqual({
      approver: 'chief1',
      posts: ['office_head'],
      held: ['responsible_leader'],
    })
    expect(fold.refused[1]?.error.details).toEqual({ id: 'A-2019-7' })
    expect(fold.state.approvals.size).toBe(0)
  })

  it('rule C-21: a consultation lists each file once', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation({ files: [file('A-2020-1'), file('A-2020-1')] })),
    ])
    expect(codes(fold)).toEqual(['C-21'])
    expect(fold.refused[0]?.error.details).toEqual({ id: 'A-2020-1' })
    expect(fold.state.consultations.size).toBe(0)
  })

  it('rule C-21: a file lent out is not consulted, and the refusal names it', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', {
        carrierIds: [],
        archiveFileIds: ['A-2020-1'],
        borrower: '县档案馆',
        specialReason: '上级调阅',
      }),
      ev('movement.loaned_out', loan({ carrierIds: [], archiveFileIds: ['A-2020-1'], borrower: '县档案馆' })),
      ev('movement.consultation_registered', consultation({ files: [file('A-2020-2'), file('A-2020-1')] })),
    ])
    expect(codes(fold)).toEqual(['C-21'])
    expect(fold.refused[0]?.error.message.zh).toContain('案卷 A-2020-1 已借出或缺失，不在档案室')
    expect(fold.refused[0]?.error.message.en).toContain('Archived file A-2020-1 is lent out or missing')
    expect(fold.refused[0]?.error.details).toEqual({ fileId: 'A-2020-1' })
  })

  it('rule C-21: a 基层单位 without its letter, or classified files among others without approval, are refused', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev(
        'movement.consultation_registered',
        consultation({ fromBasicUnit: true, consultantUnit: '某村委会' }),
      ),
      ev(
        'movement.consultation_registered',
        consultation({ files: [file('A-2020-1'), file('A-2019-7', 'secret')] }),
      ),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21'])
    expect(fold.refused[0]?.error.message.zh).toContain('基层单位查阅档案须持单位介绍信，注明查阅内容')
    expect(fold.refused[0]?.error.message.en).toContain('A 基层单位 presents a letter of introduction')
    expect(fold.refused[1]?.error.message.zh).toContain('查阅涉密案卷须经办公室主任批准')
    expect(fold.refused[1]?.error.message.en).toContain(
      "Consulting classified files needs the office head's approval",
    )
    expect(fold.state.consultations.size).toBe(0)
  })

  it('rule C-21: a missing approval is named; an approval for another consultant names its consultant', () => {
    const ev = eventBuilder()
    const files = [file('A-2019-7', 'secret')]
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation({ files, approvalId: 'm009' })),
      ev('movement.consultation_approved', officeHead),
      ev('movement.consultation_registered', consultation({ files, approvalId: 'm002', consultant: '王五' })),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21'])
    expect(fold.refused[0]?.error.details).toEqual({ approvalId: 'm009' })
    expect(fold.refused[0]?.error.message.zh).toContain('没有领导的查阅案卷批准记录 m009')
    expect(fold.refused[1]?.error.message.zh).toContain('批准 m002 是给 李四 的')
    expect(fold.refused[1]?.error.message.en).toContain('Approval m002 is for 李四')
    expect(fold.state.approvals.get('m002')?.usedBy).toBeNull()
  })
})

describe('movement register: excerpts and closing refusals (C-21)', () => {
  const x = {
    consultationId: 'Q1',
    excerptId: 'x1',
    fileId: 'A-2020-2',
    withinRegisteredPart: true,
    checkedBy: '王保密',
    stamped: true,
  }

  it('rule C-21: any registered file of the consultation may be excerpted; another file is refused, named', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation({ files: [file('A-2020-1'), file('A-2020-2')] })),
      ev('movement.consultation_excerpt_recorded', { ...x, fileId: 'A-2020-3' }),
      ev('movement.consultation_excerpt_recorded', x),
    ])
    expect(codes(fold)).toEqual(['C-21'])
    expect(fold.refused[0]?.error.message.zh).toContain('案卷 A-2020-3 不在本次查阅登记范围内')
    expect(fold.refused[0]?.error.message.en).toContain(
      'File A-2020-3 is not registered for this consultation',
    )
    expect(fold.state.consultations.get('Q1')?.excerpts.map((e) => [e.excerptId, e.fileId])).toEqual([
      ['x1', 'A-2020-2'],
    ])
  })

  it('rule C-21: an excerpt not checked or not stamped is refused, saying so; an unknown consultation is named', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation({ files: [file('A-2020-2')] })),
      ev('movement.consultation_excerpt_recorded', { ...x, stamped: false }),
      ev('movement.consultation_excerpt_recorded', { ...x, consultationId: 'Q9' }),
      ev('movement.consultation_closed', { consultationId: 'Q9', missingFileIds: [] }),
    ])
    expect(codes(fold)).toEqual(['C-21', 'C-21', 'C-21'])
    expect(fold.refused[0]?.error.message.zh).toContain('摘抄内容须经审核无误并盖章')
    expect(fold.refused[0]?.error.message.en).toContain('An excerpt is checked and stamped before it leaves')
    for (const r of fold.refused.slice(1)) {
      expect(r.error.message.zh).toContain('查档登记 Q9 不存在')
      expect(r.error.message.en).toContain('Consultation Q9 is not registered')
    }
    expect(fold.state.consultations.get('Q1')).toMatchObject({ excerpts: [], closed: null })
  })
})
