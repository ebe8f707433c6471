import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import {
  electronicUseApproved,
  electronicUses,
  isInWidenedScope,
  widenedScope,
} from '../../../src/registers/movement/queries.ts'
import { codes, eventBuilder, foldMovements, MIN, START } from './movement-fixtures.ts'

describe('movement register: need-to-know scope (C-03)', () => {
  const approval: P['movement.scope_widening_approved'] = {
    carrierId: 'c1',
    readers: ['张三', '李四'],
  }

  it("rule C-03: widening the scope needs a leader's recorded approval for that carrier and those readers", () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三'], approvalId: 'm002' }),
      ev('movement.scope_widening_approved', approval),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['王五'], approvalId: 'm002' }),
      ev('movement.scope_widened', { carrierId: 'c2', readers: ['张三'], approvalId: 'm002' }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三', '张三'], approvalId: 'm002' }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三'], approvalId: 'm002' }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['李四'], approvalId: 'm002' }),
    ])
    expect(codes(fold)).toEqual(['C-03', 'C-03', 'C-03', 'C-03', 'C-03'])
    expect(fold.refused.at(-1)?.error.details).toMatchObject({ usedBy: 'm006' })
    expect(widenedScope(fold.state, 'c1')).toEqual([
      { reader: '张三', approvalId: 'm002', eventId: 'm006', at: START + 6 * MIN },
    ])
    expect(isInWidenedScope(fold.state, 'c1', '张三')).toBe(true)
    expect(isInWidenedScope(fold.state, 'c1', '李四')).toBe(false)
    expect(isInWidenedScope(fold.state, 'c2', '张三')).toBe(false)
  })

  it('rule C-03: only a leader signs the approval, for a registered carrier that is not destroyed', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.scope_widening_approved', approval, { actor: 'officer1' }),
      ev('movement.scope_widening_approved', { ...approval, carrierId: 'd1' }),
      ev('movement.scope_widening_approved', { ...approval, carrierId: 'nope' }),
      ev('movement.scope_widening_approved', { ...approval, readers: ['张三', '张三'] }),
      ev('movement.scope_widening_approved', { ...approval }, { actor: 'chief1' }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['李四', '张三'], approvalId: 'm005' }),
    ])
    expect(codes(fold)).toEqual(['ROLE', 'C-03', 'C-03', 'C-03'])
    expect(widenedScope(fold.state, 'c1').map((g) => g.reader)).toEqual(['李四', '张三'])
    // The post is the one the organisation register gives chief1, not one written in the event.
    expect(fold.state.approvals.get('m005')).toMatchObject({
      by: 'chief1',
      post: 'responsible_leader',
      usedBy: 'm006',
    })
  })

  it('rules C-03, B-04: the approver holds a leader post in the organisation register at the time', () => {
    const ev = eventBuilder()
    const noPost = foldMovements([ev('movement.scope_widening_approved', approval)], { posts: {} })
    expect(codes(noPost)).toEqual(['C-03'])
    expect(noPost.refused[0]?.error.message.zh).toContain('leader1 在组织机构台账中不是')
    expect(noPost.state.approvals.size).toBe(0)
  })

  it('rule C-03 (four eyes): nobody widens the scope to themselves, nor records a widening they approved', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.scope_widening_approved', { carrierId: 'c1', readers: ['张三', 'leader1'] }),
      ev('movement.scope_widening_approved', approval, { actor: 'chief1' }),
      ev(
        'movement.scope_widened',
        { carrierId: 'c1', readers: ['张三'], approvalId: 'm002' },
        { actor: 'chief1' },
      ),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三'], approvalId: 'm002' }),
    ])
    expect(codes(fold)).toEqual(['C-03', 'C-03'])
    expect(fold.refused[0]?.error.details).toEqual({
      person: 'leader1',
      parts: ['approving leader', 'added reader'],
    })
    // chief1 holds a leader's post and is an officer too: still one person, one part of the chain.
    expect(fold.refused[1]?.error.details).toEqual({
      person: 'chief1',
      parts: ['approving leader', 'registering officer'],
    })
    expect(widenedScope(fold.state, 'c1').map((g) => g.eventId)).toEqual(['m004'])
  })
})

describe('movement register: classified electronic files (C-16)', () => {
  const read = { carrierId: 'e1', action: 'read', user: 'classifier1' } as const
  const reg = {
    carrierId: 'e1',
    action: 'read',
    user: 'classifier1',
    approvalId: 'm001',
    userSigned: false,
  } as const

  it('rules C-16, B-04: the approval is by the 主管领导 (or main leader) for an electronic file only', () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.electronic_use_approved', read),
        ev('movement.electronic_use_approved', read, { actor: 'chief1' }),
        ev('movement.electronic_use_approved', { ...read, carrierId: 'c1' }),
        ev('movement.electronic_use_approved', { ...read, carrierId: 'nope' }),
        ev('movement.electronic_use_approved', read, { actor: 'officer1' }),
      ],
      { posts: { leader1: ['responsible_leader'], chief1: ['office_head'] } },
    )
    expect(codes(fold)).toEqual(['C-16', 'C-16', 'C-16', 'ROLE'])
    expect(fold.refused[0]?.error.details).toMatchObject({ approver: 'chief1', held: ['office_head'] })
    expect([...fold.state.approvals.values()].map((a) => [a.id, a.post])).toEqual([
      ['m001', 'responsible_leader'],
    ])
  })

  it('rule C-16 (four eyes): the leader does not approve their own use, nor record a use they approved', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.electronic_use_approved', { ...read, user: 'leader1' }),
      ev('movement.electronic_use_approved', read, { actor: 'chief1' }),
      ev(
        'movement.electronic_use_registered',
        { ...reg, approvalId: 'm002', userSigned: true },
        { actor: 'chief1' },
      ),
      ev('movement.electronic_use_registered', { ...reg, approvalId: 'm002', userSigned: true }),
    ])
    expect(codes(fold)).toEqual(['C-16', 'C-16'])
    expect(fold.refused[0]?.error.details).toEqual({ person: 'leader1', parts: ['approving leader', 'user'] })
    expect(fold.refused[1]?.error.details).toEqual({
      person: 'chief1',
      parts: ['approving leader', 'registrant'],
    })
    expect(electronicUses(fold.state, 'e1').map((u) => [u.eventId, u.approvedBy, u.post])).toEqual([
      ['m004', 'chief1', 'responsible_leader'],
    ])
  })

  it('rule C-16: the registration matches the approval and is signed by the user in person', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.electronic_use_approved', read),
      ev('movement.electronic_use_registered', { ...reg, action: 'copy' }, { actor: 'classifier1' }),
      ev('movement.electronic_use_registered', { ...reg, user: 'leader1' }, { actor: 'leader1' }),
      ev('movement.electronic_use_registered', { ...reg, approvalId: 'm099' }, { actor: 'classifier1' }),
      ev('movement.electronic_use_registered', reg, { actor: 'leader1' }),
      ev('movement.electronic_use_registered', { ...reg, userSigned: true }, { actor: 'leader1' }),
      ev('movement.electronic_use_registered', reg, { actor: 'classifier1' }),
      ev('movement.electronic_use_registered', reg, { actor: 'classifier1' }),
    ])
    expect(codes(fold)).toEqual(['C-16', 'C-16', 'C-16', 'C-16', 'C-16', 'C-16'])
    expect(electronicUses(fold.state, 'e1')).toEqual([
      {
        eventId: 'm007',
        carrierId: 'e1',
        action: 'read',
        user: 'classifier1',
        approvalId: 'm001',
        approvedBy: 'leader1',
        post: 'first_responsible',
        signature: 'personal',
        recordedBy: 'classifier1',
        at: START + 7 * MIN,
      },
    ])
    expect(electronicUseApproved(fold.state, 'e1', 'read')).toBe(true)
    expect(electronicUseApproved(fold.state, 'e1', 'copy')).toBe(false)
    expect(electronicUseApproved(fold.state, 'c1', 'read')).toBe(false)
  })

  it("rule C-16: the officer may record the registration with the user's signature on paper", () => {
    const ev = eventBuilder()
    const destroy = { ...read, action: 'destroy' } as const
    const fold = foldMovements([
      ev('movement.electronic_use_approved', destroy),
      ev('movement.electronic_use_registered', { ...reg, action: 'destroy' }),
      ev('movement.electronic_use_registered', { ...reg, action: 'destroy', userSigned: true }),
    ])
    expect(codes(fold)).toEqual(['C-16'])
    expect(electronicUses(fold.state, 'e1')).toMatchObject([{ signature: 'paper', recordedBy: 'officer1' }])
    expect(electronicUseApproved(fold.state, 'e1', 'destroy')).toBe(true)
    expect(electronicUseApproved(fold.state, 'e1', 'read')).toBe(false)
  })
})
