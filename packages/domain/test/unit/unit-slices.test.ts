import { describe, expect, it } from 'vitest'
import { CARRIER_EVENT_ROLES, carrierEventSchemas } from '../../src/registers/carrier/events.ts'
import { outgoingEvents } from '../../src/registers/outgoing/events.ts'
import { DEFAULT_UNIT_POLICY } from '../../src/unit/policy.ts'
import {
  carrierAwayIn,
  composeSlices,
  postsHeldBy,
  registersOf,
  unitEventDefinition,
  unitEventTypes,
  unitViewOf,
  viewRegister,
} from '../../src/unit/slices.ts'
import { foldWork, outgoingBuilder } from '../registers/outgoing/outgoing-fixtures.ts'
import { local } from '../support/fixtures.ts'
import { carrierFixture } from '../support/slice-fold.ts'

/** The composition of the unit's registers (ARCHITECTURE decision 1): names, event types, views. */

const slices = composeSlices(DEFAULT_UNIT_POLICY)
const outgoingIndex = slices.indexOf.get('outgoing') ?? -1

/** The outgoing slice's work with c1 handed out at meeting m1 (away, rule C-14). */
function meetingWork() {
  const ev = outgoingBuilder(local('2026-03-02T09:00'))
  return foldWork([
    ev('outgoing.meeting_handed_out', {
      meetingId: 'm1',
      endsAt: local('2026-03-02T11:00'),
      attendees: ['leader1'],
      items: [{ carrierId: 'c1', attendee: 'leader1' }],
    }),
  ]).work
}

describe('composed registers', () => {
  it('rule C-14: the registers that can hold a carrier away are custody, movement and outgoing', () => {
    expect(slices.awayIndexes.map((i) => slices.names[i]).sort()).toEqual(['custody', 'movement', 'outgoing'])
    expect(slices.names.map((name) => slices.indexOf.get(name))).toEqual(slices.names.map((_, i) => i))
    expect(slices.list[outgoingIndex]?.name).toBe('outgoing')
    // Another policy object is composed anew.
    expect(composeSlices({ ...DEFAULT_UNIT_POLICY })).not.toBe(slices)
  })

  it('rule C-15: each event type is defined by its own register, carrier types first', () => {
    expect(unitEventDefinition('carrier.registered', DEFAULT_UNIT_POLICY)).toEqual({
      schema: carrierEventSchemas['carrier.registered'],
      roles: CARRIER_EVENT_ROLES['carrier.registered'],
    })
    expect(unitEventDefinition('outgoing.approved', DEFAULT_UNIT_POLICY)).toBe(
      outgoingEvents['outgoing.approved'],
    )
    const types = unitEventTypes(DEFAULT_UNIT_POLICY)
    const carrierTypes = Object.keys(carrierEventSchemas)
    expect(types.slice(0, carrierTypes.length)).toEqual(carrierTypes)
    expect(types.slice(carrierTypes.length)).toEqual([...slices.sliceOfType.keys()])
    expect(slices.sliceOfType.get('outgoing.approved')).toBe(outgoingIndex)
  })
})

describe('the unit view', () => {
  it('rule C-14: a carrier is away when a register holds it; an untouched register holds nothing', () => {
    const work = meetingWork()
    const works: unknown[] = []
    works[outgoingIndex] = work
    expect(carrierAwayIn(slices, works, 'c1')).toMatchObject({ code: 'C-14', holder: 'leader1' })
    expect(carrierAwayIn(slices, works, 'c2')).toBeNull()
    expect(carrierAwayIn(slices, [], 'c1')).toBeNull()
  })

  it('rule C-14: the view reads carriers, devices and incidents through typed accessors, and carriers away', () => {
    const works: unknown[] = []
    works[outgoingIndex] = meetingWork()
    const carriers = new Map([['c1', carrierFixture()]])
    const view = unitViewOf({ carriers, slices, sliceWorks: works })
    expect(view.carriers).toBe(carriers)
    expect(view.device('pc-none')).toBeUndefined()
    expect(view.incident('none')).toBeUndefined()
    expect(view.carrierAway('c1')?.code).toBe('C-14')
    const untouched = viewRegister(slices, [], outgoingIndex) as { meetings: ReadonlyMap<string, unknown> }
    expect(untouched.meetings.size).toBe(0)
  })

  it('rule C-14: the registers of a snapshot are viewed once each, lazily, under their names', () => {
    const works: unknown[] = []
    works[outgoingIndex] = meetingWork()
    const registers = registersOf(slices, works)
    expect(Object.keys(registers)).toEqual([...slices.names])
    expect(registers.outgoing).toBe(registers.outgoing)
    expect([...registers.outgoing.meetings.keys()]).toEqual(['m1'])
    expect(registers.movement.loans.size).toBe(0)
  })
})

describe('posts through the unit view', () => {
  it('rules B-04, B-05: the posts a user holds come from the organisation register, group membership included', () => {
    const holding = (post: string, userId: string) => ({ post, userId, since: 0, eventId: 'e' })
    const organisation = {
      posts: new Map([
        ['first_responsible', holding('first_responsible', 'leader1')],
        ['office_head', holding('office_head', 'leader2')],
        ['responsible_leader', holding('responsible_leader', 'leader1')],
      ]),
      groupMembers: new Map([['leader2', holding('group_member', 'leader2')]]),
    } as unknown as Parameters<typeof postsHeldBy>[0]
    expect(postsHeldBy(organisation, 'leader1')).toEqual(['first_responsible', 'responsible_leader'])
    expect(postsHeldBy(organisation, 'leader2')).toEqual(['group_member', 'office_head'])
    expect(postsHeldBy(organisation, 'officer1')).toEqual([])
    expect(postsHeldBy(undefined, 'leader1')).toEqual([])
  })
})
