import { describe, expect, it } from 'vitest'
import type { OutgoingEventPayloads, SendChannel } from '../../../src/registers/outgoing/events.ts'
import { outgoingSlice } from '../../../src/registers/outgoing/slice.ts'
import { refusalCodes, sliceEvent } from '../../support/slice-fold.ts'
import {
  approval,
  foldOutgoing,
  issue,
  MON,
  outgoingBuilder,
  printedDocument,
  viewContext,
} from './outgoing-fixtures.ts'

const courier = { channel: 'confidential_courier', courierRef: 'JY-2026-118' } as const
type Sent = OutgoingEventPayloads['outgoing.sent']
type SendExtra = Pick<Sent, 'channel'> & Partial<Pick<Sent, 'courierRef' | 'bearer' | 'signedBy'>>
const send = (
  sendId: string,
  recipientId: string,
  copyNumbers: number[],
  extra: SendExtra = courier,
): Sent => ({
  sendId,
  docId: 'doc1',
  recipientId,
  copyNumbers,
  ...extra,
})

describe('outgoing documents: sending (C-15)', () => {
  it('rule C-15: refuses ordinary and registered post, the exchange station, entrusting others, public fax and internet', () => {
    const forbidden: [SendChannel, string, string][] = [
      ['ordinary_post', '普通邮件', 'ordinary post'],
      ['registered_post', '挂号', 'registered post'],
      ['exchange_station', '文件交换站', 'exchange station'],
      ['entrusted', '托人携带', 'entrusting'],
      ['public_fax', '公共传真', 'public fax'],
      ['internet', '互联网', 'internet'],
    ]
    for (const [channel, zh, en] of forbidden) {
      const ev = outgoingBuilder()
      const fold = foldOutgoing([
        ...printedDocument(ev),
        ev(
          'outgoing.sent',
          send('s1', 'town-2', [1], { channel, courierRef: 'x', bearer: '刘干事', signedBy: '陈主任' }),
        ),
      ])
      expect(refusalCodes(fold)).toEqual(['C-15'])
      expect(fold.refused[0]?.error.message.zh).toContain(zh)
      expect(fold.refused[0]?.error.message.zh).toContain('（规则 C-15）')
      expect(fold.refused[0]?.error.message.en).toContain(en)
      expect(fold.refused[0]?.error.details).toEqual({ channel })
      expect(fold.state.sends.size).toBe(0)
    }
  })

  it('rule C-15: 机要交通 records its receipt number; a designated person the bearer and the signed hand-over', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.sent', send('s1', 'county-office', [1], { channel: 'confidential_courier' })),
      ev('outgoing.sent', send('s1', 'county-office', [1])),
      ev(
        'outgoing.sent',
        send('s2', 'county-office', [2], { channel: 'designated_person', bearer: '刘干事' }),
      ),
      ev(
        'outgoing.sent',
        send('s2', 'county-office', [2], { channel: 'designated_person', signedBy: '陈主任' }),
      ),
      ev(
        'outgoing.sent',
        send('s2', 'county-office', [2], {
          channel: 'designated_person',
          bearer: '刘干事',
          signedBy: '陈主任',
        }),
      ),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15', 'C-15', 'C-15'])
    expect(fold.refused[0]?.error.message.zh).toContain('机要交通回执号')
    expect(fold.refused[1]?.error.message.zh).toContain('交接签字')
    expect(fold.state.sends.get('s1')).toMatchObject({
      channel: 'confidential_courier',
      courierRef: 'JY-2026-118',
    })
    expect(fold.state.sends.get('s2')).toMatchObject({ bearer: '刘干事', signedBy: '陈主任' })
    const copies = fold.state.documents.get('doc1')?.copies
    expect(copies?.filter((c) => c.status === 'sent').map((c) => [c.number, c.recipientId])).toEqual([
      [1, 'county-office'],
      [2, 'county-office'],
    ])
  })

  it('rule C-15: a local recipient signs on receipt whatever the channel', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.sent', send('s1', 'town-2', [1])),
      ev('outgoing.sent', send('s1', 'town-2', [1], { ...courier, signedBy: '周收文' })),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15'])
    expect(fold.refused[0]?.error.message.zh).toContain('收文签字')
    expect(fold.state.sends.get('s1')?.signedBy).toBe('周收文')
  })

  it('rule C-15: only to the approved distribution, only printed copies still in custody, each once', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.sent', send('s1', 'town-9', [1])),
      ev('outgoing.sent', send('s1', 'county-office', [6])),
      ev('outgoing.sent', send('s1', 'county-office', [1, 1])),
      ev('outgoing.sent', send('s1', 'county-office', [1, 2])),
      ev('outgoing.sent', send('s2', 'county-office', [2, 3])),
      ev('outgoing.sent', send('s1', 'county-office', [3])),
      ev('outgoing.sent', { ...send('s3', 'county-office', [3]), docId: 'doc9' }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15', 'C-15', 'C-15', 'C-15', 'OUTGOING-EXISTS', 'C-15'])
    expect(fold.refused[0]?.error.message.zh).toContain('不在批准的分发范围内')
    expect(fold.refused[1]?.error.message.zh).toContain('第 6 份不在本单位保管中')
    expect(fold.refused[2]?.error.message.zh).toContain('份号 1 重复')
    expect(fold.refused[3]?.error.details).toMatchObject({ copyNumber: 2, status: 'sent' })
    expect(fold.refused[5]?.error.message.zh).toContain('doc9')
    expect([...fold.state.sends.keys()]).toEqual(['s1'])
  })

  it('rule C-15: an approval counts only when granted before the registration', () => {
    const slice = outgoingSlice
    const work = slice.fork(slice.empty())
    const ctx = viewContext()
    slice.apply(work, sliceEvent('o001', 'outgoing.approved', approval(), MON + 60_000, 'leader1'), ctx)
    const early = sliceEvent('o002', 'outgoing.issued', issue(), MON)
    expect(slice.check(work, early, ctx)?.code).toBe('C-15')
    expect(slice.check(work, { ...early, atMs: MON + 60_000 }, ctx)).toBeNull()
  })
})
