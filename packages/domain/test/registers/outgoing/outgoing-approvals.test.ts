import { describe, expect, it } from 'vitest'
import { outgoingEvents } from '../../../src/registers/outgoing/events.ts'
import { DEFAULT_OUTGOING_POLICY } from '../../../src/registers/outgoing/policy.ts'
import { makeContext } from '../../support/fixtures.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import {
  approval,
  foldOutgoing,
  issue,
  outgoingBuilder,
  POSTS,
  printedDocument,
  viewContext,
} from './outgoing-fixtures.ts'

const inCharge = { ...DEFAULT_OUTGOING_POLICY, allowInChargeLeaderApproval: true }

describe('outgoing documents: who signs out (C-15, B-04) and four eyes', () => {
  it('rules C-15, B-04: the signer is the main leader of the organisation register, not a post claimed in the event', () => {
    expect(
      outgoingEvents['outgoing.approved'].schema.safeParse({ ...approval(), post: 'main' }).success,
    ).toBe(false)
    const ev = outgoingBuilder()
    const events = [ev('outgoing.approved', approval()), ev('outgoing.issued', issue())]
    expect(refusalCodes(foldOutgoing(events))).toEqual([])
    expect(foldOutgoing(events).state.approvals.get('a1')?.post).toBe('first_responsible')
    // leader1 holds no post any more: the signing is refused, and so the registration.
    const noPost = foldOutgoing(events, viewContext({ posts: {} }))
    expect(refusalCodes(noPost)).toEqual(['C-15', 'C-15'])
    expect(noPost.refused[0]?.error.message.zh).toContain('主要领导')
    // Folded without the organisation register, nobody's post can be checked.
    expect(refusalCodes(foldOutgoing(events, makeContext()))).toEqual(['C-15', 'C-15'])
  })

  it('rules C-15, B-04: a 分管领导 signs out only where the county allows it', () => {
    const ev = outgoingBuilder()
    const events = [ev('outgoing.approved', approval(), undefined, 'chief1'), ev('outgoing.issued', issue())]
    expect(refusalCodes(foldOutgoing(events))).toEqual(['C-15', 'C-15'])
    const allowed = foldOutgoing(events, viewContext(), inCharge)
    expect(refusalCodes(allowed)).toEqual([])
    expect(allowed.state.approvals.get('a1')?.post).toBe('responsible_leader')
  })

  it('rule C-15: whoever signs a document out does not also register it (four eyes)', () => {
    const ev = outgoingBuilder()
    // chief1 is leader and officer: signing out as 分管领导 and registering are two parts of one chain.
    const events = [
      ev('outgoing.approved', approval(), undefined, 'chief1'),
      ev('outgoing.issued', issue(), undefined, 'chief1'),
      ev('outgoing.issued', issue(), undefined, 'officer1'),
    ]
    const fold = foldOutgoing(events, viewContext({ posts: { ...POSTS } }), inCharge)
    expect(refusalCodes(fold)).toEqual(['C-15'])
    expect(fold.refused[0]?.eventId).toBe('o002')
    expect(fold.refused[0]?.error.details).toMatchObject({ person: 'chief1', parts: ['signer', 'registrar'] })
  })

  it('rule C-15: the hand-over is signed by someone other than the bearer (four eyes)', () => {
    const ev = outgoingBuilder()
    const send = (sendId: string, bearer: string, signedBy: string, copy: number) =>
      ev('outgoing.sent', {
        sendId,
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [copy],
        channel: 'designated_person',
        bearer,
        signedBy,
      })
    const fold = foldOutgoing([
      ...printedDocument(ev),
      send('s1', '刘干事', '刘干事', 1),
      send('s2', '刘干事', '周', 2),
    ])
    expect(refusalCodes(fold)).toEqual(['C-15'])
    expect(fold.refused[0]?.error.details).toMatchObject({ parts: ['bearer', 'receiving signer'] })
  })
})
