import { describe, expect, it } from 'vitest'
import type { DeviceState, DeviceStatus } from '../../../src/registers/device/state.ts'
import type { OutgoingEventPayloads } from '../../../src/registers/outgoing/events.ts'
import { createOutgoingSlice } from '../../../src/registers/outgoing/slice.ts'
import { emptyOutgoingWork } from '../../../src/registers/outgoing/state.ts'
import { local, makeContext } from '../../support/fixtures.ts'
import { refusalCodes, sliceEvent } from '../../support/slice-fold.ts'
import {
  approval,
  carriers,
  deviceState,
  foldOutgoing,
  foldWork,
  incidentState,
  issue,
  issuedDocument,
  outgoingBuilder,
  print,
  printedDocument,
  viewContext,
} from './outgoing-fixtures.ts'

type Sent = OutgoingEventPayloads['outgoing.sent']
const courier = { channel: 'confidential_courier', courierRef: 'JY-1' } as const
const send = (
  sendId: string,
  recipientId: string,
  copyNumbers: number[],
  extra: Partial<Sent> = {},
): Sent => ({
  sendId,
  docId: 'doc1',
  recipientId,
  copyNumbers,
  ...courier,
  ...extra,
})

/** The computer register with pc1 (机密) put in `status`. */
function devicesWithPc1(status: DeviceStatus): DeviceState {
  const state = deviceState()
  const pc1 = state.devices.get('pc1')
  if (pc1 === undefined) throw new Error('pc1 missing from the device fixture')
  return { ...state, devices: new Map([...state.devices, ['pc1', { ...pc1, status }]]) }
}

describe('outgoing documents: ids used once (C-15)', () => {
  it('rule C-15: an approval id, a document id, a send id and a print job id are each used once', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.approved', approval({ docId: 'doc2', copies: 9 })),
      ev('outgoing.approved', approval({ approvalId: 'a2' })),
      ev('outgoing.issued', issue({ approvalId: 'a2', sequenceNo: '2026-0002' })),
      ev(
        'outgoing.printed',
        print({ approvedCount: 0, printedCount: 0, spoiledCount: 0, firstCopyNumber: 6 }),
      ),
      ev('outgoing.sent', send('s1', 'county-office', [1])),
      ev('outgoing.sent', send('s1', 'county-office', [2])),
    ])
    expect(refusalCodes(fold)).toEqual([
      'OUTGOING-EXISTS',
      'OUTGOING-EXISTS',
      'OUTGOING-EXISTS',
      'OUTGOING-EXISTS',
    ])
    expect(fold.refused.map((r) => r.error.message.zh)).toEqual([
      '批准标识 a1 已存在',
      '文件标识 doc1 已存在',
      '打印任务标识 p1 已存在',
      '发送标识 s1 已存在',
    ])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { id: 'a1' },
      { id: 'doc1' },
      { id: 'p1' },
      { id: 's1' },
    ])
    expect(fold.state.approvals.get('a1')).toMatchObject({ docId: 'doc1', copies: 5, usedBy: 'o002' })
    expect(fold.state.approvals.get('a2')?.usedBy).toBeNull()
    expect(fold.state.documents.get('doc1')?.sequenceNo).toBe('2026-0001')
    expect(fold.state.printJobs.get('p1')?.approvedCount).toBe(5)
    expect(fold.state.sends.get('s1')?.copyNumbers).toEqual([1])
  })

  it('rule C-15: the distribution lists each recipient once', () => {
    const ev = outgoingBuilder()
    const twice = [
      { recipientId: 'town-2', unitName: '邻镇党政办', local: true },
      { recipientId: 'town-2', unitName: '邻镇党政办', local: true },
    ]
    const fold = foldOutgoing([ev('outgoing.approved', approval({ recipients: twice }))])
    expect(refusalCodes(fold)).toEqual(['C-15'])
    expect(fold.refused[0]?.error.message.zh).toContain('分发范围中收文单位 town-2 重复')
    expect(fold.refused[0]?.error.message.en).toContain('Recipient town-2 is listed twice')
    expect(fold.state.approvals.size).toBe(0)
  })

  it('rule C-15: printing, archiving, filing and recovering name a registered document', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.printed', print({ printJobId: 'p9', docId: 'doc9' })),
      ev('outgoing.archived_here', { docId: 'doc9', copyNumbers: [1], archiveRef: 'WS-1' }),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc9',
        recipientId: 'county-office',
        copyNumbers: [1],
        listRef: 'CD-1',
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r1',
        docId: 'doc9',
        recipientId: 'county-office',
        copyNumbers: [1],
      }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15', 'C-15', 'C-15', 'C-15'])
    for (const r of fold.refused) {
      expect(r.error.message.zh).toContain('发文登记中没有三密文件 doc9')
      expect(r.error.details).toEqual({ docId: 'doc9' })
    }
    expect([...fold.state.printJobs.keys()]).toEqual(['p1'])
    expect(fold.state.accounts.size).toBe(0)
  })
})

describe('outgoing documents: copies and sending (C-09, C-15)', () => {
  it('rule C-15: a refused copy names the document, the copy number and where the copy is', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.sent', send('s1', 'county-office', [6])),
      ev('outgoing.sent', send('s1', 'county-office', [1])),
      ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [1], archiveRef: 'WS-1' }),
      ev('outgoing.sent', send('s2', 'town-9', [2])),
      ev('outgoing.sent', send('s2', 'town-2', [2])),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15', 'C-09', 'C-15', 'C-15'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { docId: 'doc1', copyNumber: 6, status: null },
      { docId: 'doc1', copyNumber: 1, status: 'sent' },
      { recipientId: 'town-9' },
      { recipientId: 'town-2' },
    ])
    expect(fold.refused[0]?.error.message.en).toContain('Copy 6 of 2026-0001 is not in this unit')
    expect(fold.refused[1]?.error.message.zh).toContain('文件 2026-0001 第 1 份不在本单位保管中')
    expect(fold.refused[3]?.error.message.zh).toContain('发往市内的机密文件须履行收文签字手续')
    expect(fold.state.documents.get('doc1')?.copies.map((c) => c.status)).toEqual([
      'sent',
      'here',
      'here',
      'here',
      'here',
    ])
    expect(fold.state.accounts.size).toBe(0)
  })
})

describe('outgoing documents: printing (C-15, C-20)', () => {
  it('rule C-15: a classified medium is not a classified computer', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([...issuedDocument(ev), ev('outgoing.printed', print({ deviceId: 'u1' }))])
    expect(refusalCodes(fold)).toEqual(['C-15'])
    expect(fold.refused[0]?.error.message.zh).toContain('JZ-001 不是涉密计算机')
    expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'u1' })
    expect(fold.state.printJobs.size).toBe(0)
  })

  it('rule C-15: a computer in repair, awaiting its check or replaced does not print', () => {
    const cases: [DeviceStatus, string][] = [
      ['in_repair', '送修中'],
      ['awaiting_check', '维修后尚未安全检测'],
      ['replaced', '已更换'],
    ]
    for (const [status, zh] of cases) {
      const ev = outgoingBuilder()
      const ctx = viewContext({
        carriers: carriers(),
        registers: { device: devicesWithPc1(status), incident: incidentState() },
      })
      const fold = foldOutgoing([...issuedDocument(ev), ev('outgoing.printed', print())], ctx)
      expect(refusalCodes(fold)).toEqual(['C-15'])
      expect(fold.refused[0]?.error.message.zh).toContain(`涉密计算机 JSJ-001 ${zh}，不能打印`)
      expect(fold.refused[0]?.error.message.en).toContain(`(${status})`)
      expect(fold.refused[0]?.error.details).toEqual({ deviceId: 'pc1', status })
      expect(fold.state.printJobs.size).toBe(0)
    }
  })

  it('rule C-15: a computer cleared for a lower level names both levels', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([...issuedDocument(ev), ev('outgoing.printed', print({ deviceId: 'pc3' }))])
    expect(fold.refused[0]?.error.details).toEqual({
      deviceId: 'pc3',
      deviceLevel: 'confidential',
      level: 'secret',
    })
  })

  it('rule C-20: every printed copy may be spoiled (spoiled = printed), never more', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...issuedDocument(ev),
      ev('outgoing.printed', print({ printedCount: 2, spoiledCount: 2, material: [] })),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(fold.state.documents.get('doc1')?.copies).toEqual([])
    expect(fold.state.printJobs.get('p1')?.material.map((m) => [m.kind, m.count])).toEqual([['defective', 2]])
  })

  it('rule C-20: printing in a year the calendar does not cover is accepted, material due by the close of an ordinary working day', () => {
    const ev = outgoingBuilder(local('2030-03-04T09:00')) // a Monday
    const fold = foldOutgoing([
      ev('outgoing.approved', approval()),
      ev('outgoing.issued', issue({ sequenceNo: '2030-0001' })),
      ev('outgoing.printed', print()),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(fold.state.documents.get('doc1')?.year).toBe(2030)
    expect(fold.state.printJobs.get('p1')?.dueAt).toBe(local('2030-03-04T17:30'))
  })

  it('rule C-20: locking, destroying or keeping more pieces than are left is refused with the count left', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 1 }),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 2 }),
      ev('outgoing.material_destroyed', {
        printJobId: 'p1',
        kind: 'proof',
        count: 3,
        destructionRef: 'XH-1',
      }),
      ev('outgoing.material_kept', { printJobId: 'p1', kind: 'proof', count: 3, carrierId: 'c5' }),
      ev('outgoing.material_kept', { printJobId: 'p1', kind: 'proof', count: 2, carrierId: 'c5' }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-20', 'C-20', 'C-20'])
    expect(fold.refused.map((r) => r.error.message.zh)).toEqual([
      '未锁存材料只剩 1 件，不能处理 2 件（规则 C-20）',
      '待销毁材料只剩 2 件，不能处理 3 件（规则 C-20）',
      '待处理材料只剩 2 件，不能处理 3 件（规则 C-20）',
    ])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { count: 2, left: 1 },
      { count: 3, left: 2 },
      { count: 3, left: 2 },
    ])
    // Keeping all pending pieces (count = pending) is allowed and takes the locked one with them.
    const proof = fold.state.printJobs.get('p1')?.material.find((m) => m.kind === 'proof')
    expect(proof).toMatchObject({ count: 2, locked: 0, kept: 2, destroyed: 0 })
  })

  it('rule C-20: kept material cannot be checked without the carrier register in view', () => {
    const ev = outgoingBuilder()
    const { slice, work } = foldWork(printedDocument(ev))
    const keep = ev('outgoing.material_kept', { printJobId: 'p1', kind: 'proof', count: 1, carrierId: 'c5' })
    const error = slice.check(work, keep, makeContext())
    expect(error?.code).toBe('C-20')
    expect(error?.details).toEqual({ carrierId: 'c5' })
    expect(slice.check(work, keep, viewContext())).toBeNull()
  })
})

describe('outgoing slice: events of other registers', () => {
  it('rule C-15: the slice refuses an event type it does not know and applying one changes nothing', () => {
    const slice = createOutgoingSlice()
    const work = slice.fork(slice.empty())
    const stray = sliceEvent('x001', 'carrier.registered', {}, local('2026-03-02T09:00'))
    expect(slice.check(work, stray, viewContext())).toMatchObject({
      code: 'OUTGOING-UNKNOWN-TYPE',
      message: { zh: '未知事件类型 carrier.registered', en: 'Unknown event type carrier.registered' },
    })
    expect(() => slice.apply(work, stray, viewContext())).not.toThrow()
    expect(work).toEqual(emptyOutgoingWork())
  })
})
