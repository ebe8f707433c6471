import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { electronicUses, widenedScope } from '../../../src/registers/movement/queries.ts'
import { movementSlice } from '../../../src/registers/movement/slice.ts'
import { makeContext } from '../../support/fixtures.ts'
import { carrierFixture, contextWithView, testUnitView } from '../../support/slice-fold.ts'
import { CARRIERS, codes, eventBuilder, foldMovements, POSTS, START } from './movement-fixtures.ts'

/** Refusal paths of the need-to-know scope (C-03) and electronic files (C-16), and the slice's own screen. */

const e2 = carrierFixture({ id: 'e2', serial: '2026-0010', kind: 'electronic' })
const carriers = [...CARRIERS, e2]

describe('movement register: scope widening refusals (C-03)', () => {
  it('rule C-03: a widening for a carrier destroyed or not registered is refused before its approval is used', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.scope_widening_approved', { carrierId: 'c1', readers: ['张三'] }),
      ev('movement.scope_widened', { carrierId: 'd1', readers: ['张三'], approvalId: 'm001' }),
      ev('movement.scope_widened', { carrierId: 'nope', readers: ['张三'], approvalId: 'm001' }),
    ])
    expect(codes(fold)).toEqual(['C-03', 'C-03'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([{ carrierId: 'd1' }, { carrierId: 'nope' }])
    expect(fold.refused[0]?.error.message.zh).toContain('载体 2026-0007 已销毁')
    expect(fold.state.approvals.get('m001')?.usedBy).toBeNull()
    expect(fold.state.scopes.size).toBe(0)
  })

  it('rule C-03: a second widening adds only new readers; a reader already in scope keeps the first grant', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.scope_widening_approved', { carrierId: 'c1', readers: ['张三'] }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三'], approvalId: 'm001' }),
      ev('movement.scope_widening_approved', { carrierId: 'c1', readers: ['张三', '李四'] }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三', '李四'], approvalId: 'm003' }),
    ])
    expect(codes(fold)).toEqual([])
    expect(widenedScope(fold.state, 'c1').map((g) => [g.reader, g.approvalId, g.eventId])).toEqual([
      ['张三', 'm001', 'm002'],
      ['李四', 'm003', 'm004'],
    ])
  })
})

describe('movement register: electronic file refusals (C-16)', () => {
  const read: P['movement.electronic_use_approved'] = {
    carrierId: 'e1',
    action: 'read',
    user: 'classifier1',
  }

  it('rules C-16, B-04: the refusal names the signer, the posts that approve and the posts they hold', () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.electronic_use_approved', read),
        ev('movement.electronic_use_approved', { ...read, action: 'destroy' }),
        ev('movement.electronic_use_approved', { ...read, carrierId: 'nope' }, { actor: 'chief1' }),
      ],
      { posts: { leader1: ['office_head'], chief1: ['first_responsible'] } },
    )
    expect(codes(fold)).toEqual(['C-16', 'C-16', 'C-16'])
    const [office, destroy, unknown] = fold.refused.map((r) => r.error)
    expect(office?.message.zh).toContain(
      'leader1 在组织机构台账中不是分管保密工作领导或保密工作第一责任人（主要领导）',
    )
    expect(office?.message.en).toContain('does not hold the post responsible_leader or first_responsible')
    expect(office?.details).toEqual({
      approver: 'leader1',
      posts: ['responsible_leader', 'first_responsible'],
      held: ['office_head'],
    })
    expect(destroy?.code).toBe('C-16')
    expect(unknown?.details).toEqual({ carrierId: 'nope' })
    expect(fold.state.approvals.size).toBe(0)
  })

  it('rule C-16: a registration for another carrier, an unknown carrier or no approval is refused, naming why', () => {
    const reg = (
      o: Partial<P['movement.electronic_use_registered']>,
    ): P['movement.electronic_use_registered'] => ({
      carrierId: 'e1',
      action: 'read',
      user: 'classifier1',
      approvalId: 'm001',
      userSigned: false,
      ...o,
    })
    const ev = eventBuilder()
    const as = { actor: 'classifier1' } as const
    const fold = foldMovements(
      [
        ev('movement.electronic_use_approved', read),
        ev('movement.electronic_use_registered', reg({ carrierId: 'e2' }), as),
        ev('movement.electronic_use_registered', reg({ carrierId: 'nope' }), as),
        ev('movement.electronic_use_registered', reg({ approvalId: 'm099' }), as),
        ev('movement.electronic_use_registered', reg({}), as),
      ],
      { carriers },
    )
    expect(codes(fold)).toEqual(['C-16', 'C-16', 'C-16'])
    const [other, unknown, noApproval] = fold.refused.map((r) => r.error)
    expect(other?.details).toEqual({ approvalId: 'm001' })
    expect(other?.message.zh).toContain('与登记不符')
    expect(unknown?.details).toEqual({ carrierId: 'nope' })
    expect(noApproval?.details).toEqual({ approvalId: 'm099' })
    expect(noApproval?.message.zh).toContain('没有领导的涉密电子文件使用批准记录 m099')
    expect(electronicUses(fold.state, 'e1').map((u) => u.eventId)).toEqual(['m005'])
    expect(electronicUses(fold.state, 'e2')).toEqual([])
  })
})

describe('movement register: the slice itself', () => {
  const ctx = contextWithView(testUnitView({ carriers, posts: POSTS }), makeContext())

  it('rules C-06, C-08: an event type the register does not have is refused by its check, naming the type', () => {
    const work = movementSlice.fork(movementSlice.empty())
    const bogus: SliceEvent = {
      id: 'x1',
      type: 'movement.bogus',
      actor: 'officer1',
      atMs: START,
      payload: {},
    }
    const error = movementSlice.check(work, bogus, ctx)
    expect(error?.code).toBe('MOVEMENT-UNKNOWN-TYPE')
    expect(error?.message.en).toContain('movement.bogus')
    expect(error?.message.zh).toContain('movement.bogus')
  })

  it('rule C-16: a fork keeps the registrations, and what is applied to it leaves the original unchanged', () => {
    const ev = eventBuilder()
    const run = (work: ReturnType<typeof movementSlice.empty>, event: SliceEvent) => {
      expect(movementSlice.check(work, event, ctx)).toBeNull()
      movementSlice.apply(work, event, ctx)
    }
    const as = { actor: 'classifier1' } as const
    const work = movementSlice.fork(movementSlice.empty())
    run(
      work,
      ev('movement.electronic_use_approved', {
        carrierId: 'e1',
        action: 'read',
        user: 'classifier1',
      }),
    )
    const reg = { action: 'read', user: 'classifier1', userSigned: false } as const
    run(work, ev('movement.electronic_use_registered', { ...reg, carrierId: 'e1', approvalId: 'm001' }, as))
    const fork = movementSlice.fork(work)
    expect(movementSlice.view(fork).electronicUses.map((u) => u.eventId)).toEqual(['m002'])
    run(
      fork,
      ev('movement.electronic_use_approved', {
        carrierId: 'e2',
        action: 'read',
        user: 'classifier1',
      }),
    )
    run(fork, ev('movement.electronic_use_registered', { ...reg, carrierId: 'e2', approvalId: 'm003' }, as))
    expect(movementSlice.view(fork).electronicUses.map((u) => u.eventId)).toEqual(['m002', 'm004'])
    expect(movementSlice.view(work).electronicUses.map((u) => u.eventId)).toEqual(['m002'])
  })
})
