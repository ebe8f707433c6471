import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_OUTGOING_POLICY } from '../../../src/registers/outgoing/policy.ts'
import {
  materialAwaitingDestruction,
  outgoingDueSoon,
  overdueOutgoing,
} from '../../../src/registers/outgoing/queries.ts'
import { local, makeContext } from '../../support/fixtures.ts'
import { contextWithView, refusalCodes, testUnitView } from '../../support/slice-fold.ts'
import {
  approval,
  carriers,
  foldOutgoing,
  foldWork,
  HOUR,
  issue,
  issuedDocument,
  MIN,
  outgoingBuilder,
  POSTS,
  print,
  printedDocument,
  viewContext,
} from './outgoing-fixtures.ts'

const CLOSE = local('2026-03-02T17:30')

describe('outgoing documents: signing out and registration (C-15)', () => {
  it('rule C-15: a document is registered only against a signing of it by the main leader', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ev('outgoing.issued', issue()),
      ev('outgoing.approved', approval({ approvalId: 'a0', docId: 'other' })),
      ev('outgoing.issued', issue({ approvalId: 'a0' })),
      ev('outgoing.approved', approval({ approvalId: 'a2' }), undefined, 'chief1'),
      ev('outgoing.approved', approval()),
      ev('outgoing.issued', issue()),
      ev('outgoing.issued', issue({ docId: 'doc2', sequenceNo: '2026-0002' })),
      ev('outgoing.approved', approval({ approvalId: 'a3', docId: 'doc3' })),
      ev('outgoing.issued', issue({ docId: 'doc3', approvalId: 'a3' })),
      ev('outgoing.issued', issue({ docId: 'doc3', approvalId: 'a1', sequenceNo: '2026-0003' })),
      ev('outgoing.issued', issue({ docId: 'doc3', approvalId: 'a3', sequenceNo: '2025-0003' })),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15', 'C-15', 'C-15', 'C-15', 'C-15', 'C-15', 'C-15'])
    expect(fold.refused.map((r) => r.eventId)).toEqual([
      'o001',
      'o003',
      'o004',
      'o007',
      'o009',
      'o010',
      'o011',
    ])
    expect(fold.refused[6]?.error.message.zh).toContain('按年编排')
    expect(fold.refused[2]?.error.message.zh).toContain('主要领导')
    expect(fold.refused[4]?.error.message.zh).toContain('2026-0001')
    expect(fold.refused[5]?.error.message.zh).toContain('没有领导签发批准 a1')
    const doc = fold.state.documents.get('doc1')
    expect(doc?.approvedCopies).toBe(5)
    expect(doc?.year).toBe(2026)
    expect(fold.state.approvals.get('a1')?.usedBy).toBe('o006')
  })

  it('rule C-15: a county may let the leader in charge sign documents out (policy)', () => {
    const ev = outgoingBuilder()
    const events = [ev('outgoing.approved', approval(), undefined, 'chief1'), ev('outgoing.issued', issue())]
    expect(refusalCodes(foldOutgoing(events))).toEqual(['C-15', 'C-15'])
    const allowed = foldOutgoing(events, viewContext(), {
      ...DEFAULT_OUTGOING_POLICY,
      allowInChargeLeaderApproval: true,
    })
    expect(refusalCodes(allowed)).toEqual([])
    expect(allowed.state.documents.has('doc1')).toBe(true)
  })
})

describe('outgoing documents: printing (C-15, C-20)', () => {
  it('rule C-15: prints only on a registered classified computer, in use and cleared for the level', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...issuedDocument(ev),
      ev('outgoing.printed', print({ printJobId: 'x2', deviceId: 'pc2' })),
      ev('outgoing.printed', print({ printJobId: 'x3', deviceId: 'pc3' })),
      ev('outgoing.printed', print({ printJobId: 'x4', deviceId: 'pc4' })),
      ev('outgoing.printed', print({ printJobId: 'x9', deviceId: 'pc9' })),
      ev('outgoing.printed', print()),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15', 'C-15', 'C-15', 'C-15'])
    const zh = fold.refused.map((r) => r.error.message.zh)
    expect(zh[0]).toContain('不是涉密计算机')
    expect(zh[1]).toContain('不能处理机密文件')
    expect(zh[2]).toContain('已报废')
    expect(zh[3]).toContain('未在计算机台账中登记')
    expect([...fold.state.printJobs.keys()]).toEqual(['p1'])
    // A 秘密 document may be printed on the computer cleared for 秘密.
    const ev2 = outgoingBuilder()
    const secret = foldOutgoing([
      ev2('outgoing.approved', approval()),
      ev2('outgoing.issued', issue({ level: 'confidential' })),
      ev2('outgoing.printed', print({ deviceId: 'pc3' })),
    ])
    expect(refusalCodes(secret)).toEqual([])
  })

  it('rule C-15: refuses to print when the computer register is not in the view, or does not hold the computer', () => {
    const ev = outgoingBuilder()
    const events = [...issuedDocument(ev), ev('outgoing.printed', print())]
    // The document issued with the unit view (the signer's post is checked there, B-04), then printed without.
    const { slice, work } = foldWork(issuedDocument(outgoingBuilder()))
    const noView = slice.check(work, events[2] as SliceEvent, makeContext())
    expect(noView?.code).toBe('C-15')
    expect(noView?.message.zh).toContain('计算机台账不可用')
    const noDevices = foldOutgoing(
      events,
      contextWithView(testUnitView({ carriers: carriers(), posts: POSTS })),
    )
    expect(refusalCodes(noDevices)).toEqual(['C-15'])
    expect(noDevices.refused[0]?.error.message.zh).toContain('未在计算机台账中登记')
    expect(noDevices.refused[0]?.error.message.en).toContain('(rule C-15)')
  })

  it('rule C-15: jobs are ordered within the approved number; copies numbered in sequence', () => {
    const ev = outgoingBuilder()
    const job = { printedCount: 3, spoiledCount: 0, material: [] }
    const fold = foldOutgoing([
      ...issuedDocument(ev),
      ev('outgoing.printed', print({ ...job, approvedCount: 6, printedCount: 6 })),
      ev('outgoing.printed', print({ ...job, approvedCount: 3 })),
      ev('outgoing.printed', print({ ...job, printJobId: 'p2', approvedCount: 2, firstCopyNumber: 5 })),
      ev('outgoing.printed', print({ ...job, printJobId: 'p2', approvedCount: 3, firstCopyNumber: 4 })),
      ev(
        'outgoing.printed',
        print({ ...job, printJobId: 'p2', approvedCount: 2, printedCount: 2, firstCopyNumber: 4 }),
      ),
      ev(
        'outgoing.printed',
        print({ ...job, printJobId: 'p3', approvedCount: 1, printedCount: 1, firstCopyNumber: 6 }),
      ),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15', 'C-15', 'C-15', 'C-15'])
    expect(fold.refused[0]?.error.message.zh).toContain('超过批准份数')
    expect(fold.refused[1]?.error.message.zh).toContain('第 4 份')
    expect(fold.refused[3]?.error.message.zh).toContain('剩余 0 份')
    const doc = fold.state.documents.get('doc1')
    expect(doc?.copies.map((c) => [c.number, c.printJobId])).toEqual([
      [1, 'p1'],
      [2, 'p1'],
      [3, 'p1'],
      [4, 'p2'],
      [5, 'p2'],
    ])
    expect(doc?.printJobIds).toEqual(['p1', 'p2'])
  })

  it('rule C-20: no extra prints kept: printed − spoiled may not exceed the approved count', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...issuedDocument(ev),
      ev('outgoing.printed', print({ printedCount: 6, spoiledCount: 0 })),
      ev('outgoing.printed', print({ printedCount: 1, spoiledCount: 2 })),
      ev('outgoing.printed', print({ printedCount: 7, spoiledCount: 2 })),
    ])
    expect(refusalCodes(fold)).toEqual(['C-20', 'C-20'])
    expect(fold.refused[0]?.error.message.zh).toContain('不得多印自留')
    expect(fold.refused[1]?.error.message.zh).toContain('残次品数不能多于打印数')
    const job = fold.state.printJobs.get('p1')
    expect([job?.approvedCount, job?.printedCount, job?.spoiledCount]).toEqual([5, 7, 2])
    expect(fold.state.documents.get('doc1')?.copies).toHaveLength(5)
    expect(job?.material.map((m) => [m.kind, m.count])).toEqual([
      ['proof', 2],
      ['defective', 2],
    ])
  })

  it('rule C-20: a print job lists each kind of intermediate material once', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...issuedDocument(ev),
      ev(
        'outgoing.printed',
        print({
          material: [
            { kind: 'draft', count: 1 },
            { kind: 'draft', count: 2 },
          ],
        }),
      ),
    ])
    expect(refusalCodes(fold)).toEqual(['C-20'])
  })

  it('rule C-20: material lying about after the close of the working day is overdue (boundary)', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing(printedDocument(ev))
    const job = fold.state.printJobs.get('p1')
    expect(job?.dueAt).toBe(CLOSE)
    expect(overdueOutgoing(fold.state, CLOSE)).toEqual([])
    expect(overdueOutgoing(fold.state, CLOSE + 1)).toEqual([
      { rule: 'C-20', kind: 'material_unsecured', subjectId: 'p1', dueAt: CLOSE, since: CLOSE },
    ])
    expect(outgoingDueSoon(fold.state, CLOSE - HOUR, HOUR).map((d) => d.kind)).toContain('material_unsecured')
    expect(outgoingDueSoon(fold.state, CLOSE - HOUR, HOUR - 1).map((d) => d.kind)).not.toContain(
      'material_unsecured',
    )
  })

  it('rule C-20: printed after office hours, the material is due by the end of that day', () => {
    const ev = outgoingBuilder()
    const evening = local('2026-03-02T19:00')
    const fold = foldOutgoing([...issuedDocument(ev), ev('outgoing.printed', print(), evening)])
    expect(fold.state.printJobs.get('p1')?.dueAt).toBe(local('2026-03-03T00:00') - 1)
  })

  it('rule C-20: material is locked away, destroyed with the C-11 reference or kept; then nothing is overdue', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.material_destroyed', {
        printJobId: 'p1',
        kind: 'proof',
        count: 3,
        destructionRef: 'XH-1',
      }),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'draft', count: 1 }),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'defective', count: 1 }),
      ev('outgoing.material_destroyed', {
        printJobId: 'p1',
        kind: 'proof',
        count: 1,
        destructionRef: 'XH-1',
      }),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 2 }),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 1 }, CLOSE + MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['C-20', 'C-20', 'C-20'])
    expect(fold.refused.map((r) => r.eventId)).toEqual(['o004', 'o005', 'o008'])
    const job = fold.state.printJobs.get('p1')
    expect(job?.securedAt).toBe(CLOSE + MIN)
    expect(overdueOutgoing(fold.state, CLOSE + HOUR)).toEqual([])
    expect(job?.material.find((m) => m.kind === 'proof')).toMatchObject({ destroyed: 1, locked: 1 })
    // Secured late: shown as secured after the due time, no longer overdue; the locked pieces await destruction.
    expect(materialAwaitingDestruction(fold.state).map((m) => [m.kind, m.pending, m.locked])).toEqual([
      ['proof', 1, 1],
      ['defective', 1, 1],
    ])
  })

  it('rule C-20: destroying locked material releases the lock; destruction names its C-11 reference', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 2 }),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'defective', count: 1 }),
      ev('outgoing.material_destroyed', {
        printJobId: 'p1',
        kind: 'proof',
        count: 2,
        destructionRef: 'C11-7',
      }),
      ev('outgoing.material_destroyed', {
        printJobId: 'p1',
        kind: 'defective',
        count: 1,
        destructionRef: 'C11-7',
      }),
      ev('outgoing.material_destroyed', {
        printJobId: 'p9',
        kind: 'proof',
        count: 1,
        destructionRef: 'C11-7',
      }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-20'])
    const proof = fold.state.printJobs.get('p1')?.material.find((m) => m.kind === 'proof')
    expect(proof).toMatchObject({ count: 2, locked: 0, destroyed: 2 })
    expect(proof?.dispositions.at(-1)).toMatchObject({ action: 'destroyed', destructionRef: 'C11-7' })
    expect(materialAwaitingDestruction(fold.state)).toEqual([])
  })

  it("rule C-20: kept material is a registered carrier of the document's level, one entry each", () => {
    const ev = outgoingBuilder()
    const keep = (carrierId: string, count = 1) =>
      ev('outgoing.material_kept', { printJobId: 'p1', kind: 'proof', count, carrierId })
    const fold = foldOutgoing([
      ...printedDocument(ev),
      keep('c7'),
      keep('c1'),
      keep('c6'),
      keep('c9'),
      keep('c5', 3),
      keep('c5'),
      keep('c5'),
    ])
    expect(refusalCodes(fold)).toEqual(['C-20', 'C-20', 'C-20', 'C-20', 'C-20', 'C-20'])
    expect(fold.refused[0]?.error.message.zh).toContain('按文件密级（机密）')
    expect(fold.refused[1]?.error.message.zh).toContain('本单位制作')
    expect(fold.refused[5]?.error.message.zh).toContain('已登记为另一份留存材料')
    const proof = fold.state.printJobs.get('p1')?.material.find((m) => m.kind === 'proof')
    expect(proof).toMatchObject({ kept: 1, destroyed: 0 })
    expect(proof?.dispositions[0]?.carrierId).toBe('c5')
  })
})
