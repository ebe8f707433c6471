import { describe, expect, it } from 'vitest'
import type { OutgoingEventPayloads } from '../../../src/registers/outgoing/events.ts'
import { reconciliation } from '../../../src/registers/outgoing/queries.ts'
import { local } from '../../support/fixtures.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import {
  foldOutgoing,
  issuedDocument,
  MIN,
  outgoingBuilder,
  print,
  printedDocument,
} from './outgoing-fixtures.ts'

const START = local('2026-03-02T09:00')
const END = local('2026-03-02T11:00')
const NEW_YEAR = local('2027-01-01T00:00')
type Sent = OutgoingEventPayloads['outgoing.sent']
const send = (sendId: string, recipientId: string, copyNumbers: number[], extra: Partial<Sent>): Sent => ({
  sendId,
  docId: 'doc1',
  recipientId,
  copyNumbers,
  channel: 'confidential_courier',
  ...extra,
})

describe('outgoing records: sends and copy accounts (C-15, C-09)', () => {
  it('rule C-15: a send records what was given and nothing else', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.sent', send('s1', 'county-office', [1], { courierRef: 'JY-1' })),
      ev(
        'outgoing.sent',
        send('s2', 'town-2', [2], { channel: 'designated_person', bearer: '刘', signedBy: '周' }),
      ),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(fold.state.sends.get('s1')).toEqual({
      id: 's1',
      eventId: 'o004',
      docId: 'doc1',
      recipientId: 'county-office',
      copyNumbers: [1],
      channel: 'confidential_courier',
      courierRef: 'JY-1',
      bearer: null,
      signedBy: null,
      at: fold.state.sends.get('s1')?.at,
    })
    expect(fold.state.sends.get('s2')).toMatchObject({ courierRef: null, bearer: '刘', signedBy: '周' })
  })

  it('rule C-09: each archiving, archive list and recovery is its own account entry', () => {
    const ev = outgoingBuilder()
    const sent = send('s1', 'county-office', [1, 2], { courierRef: 'JY-1' })
    const events = [
      ...printedDocument(ev),
      ev('outgoing.sent', sent),
      ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [4], archiveRef: 'WS-1' }),
      ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [5], archiveRef: 'WS-2' }),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc1',
        recipientId: 'county-office',
        copyNumbers: [1],
        listRef: 'CD-1',
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r1',
        docId: 'doc1',
        recipientId: 'county-office',
        copyNumbers: [2],
      }),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual([])
    expect([...fold.state.accounts.keys()]).toEqual(['here:o005', 'here:o006', 'list:l1', 'recovery:r1'])
    expect(fold.state.accounts.get('here:o005')).toEqual({
      key: 'here:o005',
      eventId: 'o005',
      at: events[4]?.atMs,
      docId: 'doc1',
      kind: 'archived_here',
      recipientId: null,
      ref: 'WS-1',
      copyNumbers: [4],
    })
    expect(fold.state.accounts.get('recovery:r1')).toMatchObject({ kind: 'returned', ref: null })
    expect(fold.state.documents.get('doc1')?.copies.map((c) => [c.number, c.status, c.recipientId])).toEqual([
      [1, 'archived_at_recipient', 'county-office'],
      [2, 'returned', 'county-office'],
      [3, 'here', null],
      [4, 'archived_here', null],
      [5, 'archived_here', null],
    ])
  })
})

describe('outgoing records: print jobs and material (C-20)', () => {
  it('rule C-20: each disposition records its action, count and only its own reference', () => {
    const ev = outgoingBuilder()
    const events = [
      ...printedDocument(ev),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 1 }),
      ev('outgoing.material_kept', { printJobId: 'p1', kind: 'proof', count: 1, carrierId: 'c5' }),
      ev('outgoing.material_destroyed', {
        printJobId: 'p1',
        kind: 'proof',
        count: 1,
        destructionRef: 'XH-1',
      }),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual([])
    const proof = fold.state.printJobs.get('p1')?.material.find((m) => m.kind === 'proof')
    const at = (i: number) => events[i]?.atMs
    expect(proof?.dispositions).toEqual([
      { eventId: 'o004', action: 'locked', count: 1, carrierId: null, destructionRef: null, at: at(3) },
      { eventId: 'o005', action: 'kept', count: 1, carrierId: 'c5', destructionRef: null, at: at(4) },
      { eventId: 'o006', action: 'destroyed', count: 1, carrierId: null, destructionRef: 'XH-1', at: at(5) },
    ])
    // The defective copy is untouched by dispositions of the proofs.
    expect(fold.state.printJobs.get('p1')?.material.find((m) => m.kind === 'defective')).toEqual({
      kind: 'defective',
      count: 1,
      locked: 0,
      kept: 0,
      destroyed: 0,
      dispositions: [],
    })
  })

  it('rule C-20: a job secured once keeps that time; a job without material is secured when printed', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 2 }),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'defective', count: 1 }, START + HOUR),
      ev(
        'outgoing.material_destroyed',
        { printJobId: 'p1', kind: 'proof', count: 2, destructionRef: 'X' },
        END,
      ),
      ev(
        'outgoing.printed',
        print({
          printJobId: 'p2',
          approvedCount: 0,
          printedCount: 0,
          spoiledCount: 0,
          firstCopyNumber: 6,
          material: [],
        }),
        END + MIN,
      ),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(fold.state.printJobs.get('p1')?.securedAt).toBe(START + HOUR)
    expect(fold.state.printJobs.get('p2')).toMatchObject({ material: [], securedAt: END + MIN })
  })
})

describe('outgoing records: reconciliation gaps (C-09)', () => {
  it('rule C-09: a gap lists copies still here or sent, and each recipient holding one once, in order', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.sent', send('s1', 'town-2', [1, 2], { courierRef: 'JY-1', signedBy: '周' })),
      ev('outgoing.sent', send('s2', 'county-office', [3], { courierRef: 'JY-2' })),
      ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [4], archiveRef: 'WS-1' }),
      ev('outgoing.reconciled', { docId: 'doc1' }, NEW_YEAR),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(fold.state.anomalies.get('reconciliation_gap:o007')).toMatchObject({
      kind: 'reconciliation_gap',
      subjectId: 'doc1',
      carrierIds: [],
      copyNumbers: [1, 2, 3, 5],
      recipientIds: ['county-office', 'town-2'],
      openedAt: NEW_YEAR,
      resolvedAt: null,
    })
    expect(fold.state.documents.get('doc1')?.reconciliation).toEqual({
      printed: 5,
      archivedHere: 1,
      archivedAtRecipients: 0,
      returned: 0,
      gap: 4,
      eventId: 'o007',
      at: NEW_YEAR,
      anomalyId: 'reconciliation_gap:o007',
    })
  })

  it('rule C-09: a document not yet reconciled shows as pending with its due date', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing(issuedDocument(ev))
    expect(reconciliation(fold.state, 'doc1')).toEqual({
      docId: 'doc1',
      sequenceNo: '2026-0001',
      year: 2026,
      printed: 0,
      archivedHere: 0,
      archivedAtRecipients: 0,
      returned: 0,
      gap: 0,
      status: 'pending',
      reconciledAt: null,
      dueAt: local('2027-04-01T00:00') - 1,
      anomalyId: null,
    })
  })
})

const HOUR = 60 * MIN
