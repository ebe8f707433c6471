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
    post: 'in_charge',
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
      ev('movement.scope_widening_approved', { ...approval, post: 'main' }, { actor: 'chief1' }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['李四', '张三'], approvalId: 'm005' }),
    ])
    expect(codes(fold)).toEqual(['ROLE', 'C-03', 'C-03', 'C-03'])
    expect(widenedScope(fold.state, 'c1').map((g) => g.reader)).toEqual(['李四', '张三'])
    expect(fold.state.approvals.get('m005')).toMatchObject({ by: 'chief1', post: 'main', usedBy: 'm006' })
  })
})

describe('movement register: classified electronic files (C-16)', () => {
  const read = { carrierId: 'e1', action: 'read', user: 'classifier1', post: 'in_charge' } as const
  const reg = {
    carrierId: 'e1',
    action: 'read',
    user: 'classifier1',
    approvalId: 'm001',
    userSigned: false,
  } as const

  it('rule C-16: the approval is by the 主管领导 (or main leader) for an electronic file only', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.electronic_use_approved', read),
      ev('movement.electronic_use_approved', { ...read, post: 'main' }),
      ev('movement.electronic_use_approved', { ...read, post: 'office_head' }),
      ev('movement.electronic_use_approved', { ...read, carrierId: 'c1' }),
      ev('movement.electronic_use_approved', { ...read, carrierId: 'nope' }),
      ev('movement.electronic_use_approved', read, { actor: 'officer1' }),
    ])
    expect(codes(fold)).toEqual(['C-16', 'C-16', 'C-16', 'ROLE'])
    expect([...fold.state.approvals.keys()]).toEqual(['m001', 'm002'])
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
        post: 'in_charge',
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
