import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  type RegisterState,
} from '@secledger/domain'
import type { FormValues } from '@secledger/ui/logic'
import { describe, expect, it } from 'vitest'
import { custodyAnomalyRows } from '../src/register/inventory/anomaly-rows.ts'
import { inventoryRows, openInventoryOf } from '../src/register/inventory/inventory-rows.ts'
import {
  closeInventory,
  confirmTicked,
  type InventoryContext,
  type InventoryStep,
  markMissing,
  recordSurplus,
  registrationOptions,
  resolutionsFor,
  resolveExplained,
  resolveFound,
  resolveIncident,
  resolveRegistered,
  startInventory,
} from '../src/register/workflows/inventory.ts'
import { startValues, workflowForm } from '../src/register/workflows/workflow-form.ts'
import { directoryOf, makeUser, type TestUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { dryRunAs, registeredAs, signAs } from './signed-events.ts'

const officer = makeUser('officer1', ['officer'])
const leader = makeUser('leader1', ['leader'])
const CTX: FoldContext = {
  unit: UNIT,
  directory: directoryOf(officer, leader),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
const MIN = 60_000

/** The writer's dry run, as the dialog calls it. */
const checkAs = (state: RegisterState, user: TestUser, type: string, now: number) =>
  dryRunAs(state, CTX, user, type, now)

const registered = (serial: string, ids: readonly string[], atMs: number) =>
  registeredAs(officer, serial, ids, atMs)

const setup = [
  registered('2026-0001', ['c1', 'c2'], WORKDAY_10AM),
  registered('2026-0002', ['c3'], WORKDAY_10AM),
]

/** What the page builds: the open inventory, the rows acted on (by id), the gap resolved. */
function contextOf(
  state: RegisterState,
  user: TestUser,
  rowIds: readonly string[] = [],
  anomalyId: string | null = null,
): InventoryContext {
  const inventory = openInventoryOf(state.registers.custody)
  const rows = inventory === null ? [] : inventoryRows(state, inventory).filter((r) => rowIds.includes(r.id))
  return {
    state,
    inventory,
    rows,
    anomaly: anomalyId === null ? null : (state.registers.custody.anomalies.get(anomalyId) ?? null),
    isOfficer: user === officer,
  }
}

function formOf(
  events: readonly EventEnvelope[],
  step: InventoryStep,
  ctx: InventoryContext,
  now: number,
  typed: FormValues,
) {
  const state = foldUnitRegister(events, CTX)
  return workflowForm(
    step,
    ctx,
    { ...startValues(step, ctx), ...typed },
    checkAs(state, officer, step.type, now),
    'zh-CN',
  )
}

/** Fills a step's form as the officer would, checks it is clean, and signs the event it builds. */
function take(
  events: readonly EventEnvelope[],
  step: InventoryStep,
  now: number,
  typed: FormValues = {},
  rowIds: readonly string[] = [],
  anomalyId: string | null = null,
): EventEnvelope {
  const ctx = contextOf(foldUnitRegister(events, CTX), officer, rowIds, anomalyId)
  expect(step.available(ctx)).toBe(true)
  const form = formOf(events, step, ctx, now, typed)
  expect(form.fieldErrors).toEqual({})
  expect(form.refusal).toBeNull()
  return signAs(officer, step.type, form.payload, now)
}

describe('inventory steps configured on the custody register’s schemas (rule C-13)', () => {
  it('C-13: opened, ticked copies confirmed as one event, one reported missing, a surplus recorded, closed', () => {
    const events = [...setup]
    // a leader sees the inventory read-only
    expect(startInventory.available(contextOf(foldUnitRegister(events, CTX), leader))).toBe(false)
    events.push(take(events, startInventory, WORKDAY_10AM + MIN))
    let state = foldUnitRegister(events, CTX)
    expect(openInventoryOf(state.registers.custody)?.expected).toEqual(['c1', 'c2', 'c3'])
    // one inventory at a time
    expect(startInventory.available(contextOf(state, officer))).toBe(false)

    const confirmed = take(events, confirmTicked, WORKDAY_10AM + 2 * MIN, {}, ['c1', 'c2'])
    expect(confirmed.payload).toMatchObject({ carrierIds: ['c1', 'c2'] })
    events.push(confirmed)
    state = foldUnitRegister(events, CTX)
    // confirmed copies are not offered again, nor reported missing
    expect(confirmTicked.available(contextOf(state, officer, ['c1']))).toBe(false)
    expect(markMissing.available(contextOf(state, officer, ['c1']))).toBe(false)

    events.push(take(events, markMissing, WORKDAY_10AM + 3 * MIN, { note: '柜中未见' }, ['c3']))
    const surplus = take(events, recordSurplus, WORKDAY_10AM + 4 * MIN, {
      docNumber: '市委发〔2025〕7号',
      level: 'confidential',
      note: '文件柜底层发现',
    })
    expect(surplus.payload).toMatchObject({ docNumber: '市委发〔2025〕7号', level: 'confidential' })
    events.push(surplus)
    events.push(take(events, closeInventory, WORKDAY_10AM + 5 * MIN))
    state = foldUnitRegister(events, CTX)
    expect(state.refused).toEqual([])
    expect(openInventoryOf(state.registers.custody)).toBeNull()
    expect(custodyAnomalyRows(state).open.map((r) => r.kind)).toEqual(['surplus', 'missing'])
    // closed: the next one may start
    expect(startInventory.available(contextOf(state, officer))).toBe(true)
  })

  it('C-13: the surplus id is fixed by the step; the level is offered from the domain’s levels', () => {
    const events = [
      ...setup,
      signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, WORKDAY_10AM),
    ]
    const ctx = contextOf(foldUnitRegister(events, CTX), officer)
    const form = formOf(events, recordSurplus, ctx, WORKDAY_10AM + MIN, {})
    expect(form.fields.map((f) => f.key)).toEqual(['docNumber', 'level', 'note'])
    expect(form.fields[1]?.options.map((o) => o.label.zh)).toContain('机密')
    expect(form.payload).toMatchObject({ inventoryId: 'q1', surplusId: expect.stringMatching(/^sur-/) })
  })

  describe('resolving the gaps', () => {
    const closed = [
      ...setup,
      signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, WORKDAY_10AM + MIN),
      signAs(
        officer,
        'custody.inventory_confirmed',
        { inventoryId: 'q1', carrierIds: ['c1'] },
        WORKDAY_10AM + 2 * MIN,
      ),
      signAs(
        officer,
        'custody.inventory_missing',
        { inventoryId: 'q1', carrierId: 'c3' },
        WORKDAY_10AM + 3 * MIN,
      ),
      signAs(
        officer,
        'custody.inventory_surplus',
        { inventoryId: 'q1', surplusId: 's1' },
        WORKDAY_10AM + 4 * MIN,
      ),
      signAs(officer, 'custody.inventory_closed', { inventoryId: 'q1' }, WORKDAY_10AM + 5 * MIN),
    ]
    const gaps = () => custodyAnomalyRows(foldUnitRegister(closed, CTX)).open
    const idOf = (kind: string) => gaps().find((r) => r.kind === kind)?.id ?? ''

    it('C-13: a missing or unconfirmed carrier is found or reported; a surplus item registered or explained', () => {
      const state = foldUnitRegister(closed, CTX)
      const offered = (kind: string) =>
        resolutionsFor(contextOf(state, officer, [], idOf(kind))).map((s) => s.id)
      expect(offered('missing')).toEqual(['anomaly-found', 'anomaly-incident'])
      expect(offered('unconfirmed')).toEqual(['anomaly-found', 'anomaly-incident'])
      expect(offered('surplus')).toEqual(['anomaly-registered', 'anomaly-explained'])
      expect(resolutionsFor(contextOf(state, leader, [], idOf('missing')))).toEqual([])
    })

    it('C-13: resolved as found with a note; the gap leaves the open list', () => {
      const id = idOf('missing')
      const found = take(closed, resolveFound, WORKDAY_10AM + 10 * MIN, { note: '在会议室找到' }, [], id)
      expect(found.payload).toEqual({ anomalyId: id, resolution: 'found', note: '在会议室找到' })
      const state = foldUnitRegister([...closed, found], CTX)
      expect(custodyAnomalyRows(state).resolved.map((r) => [r.id, r.resolution])).toEqual([[id, 'found']])
    })

    it('X-02: reporting as an incident names the incident register’s entry; none about the carrier is refused', () => {
      const id = idOf('missing')
      const ctx = contextOf(foldUnitRegister(closed, CTX), officer, [], id)
      const form = formOf(closed, resolveIncident, ctx, WORKDAY_10AM + 10 * MIN, {
        incidentRef: 'inc-unknown',
        note: '未找到，报告保密局',
      })
      expect(form.fields[0]?.options).toEqual([])
      expect(form.refusal?.code).toBe('C-13')
    })

    it('C-01 C-13: a surplus item is registered as a carrier registered after it was found, or explained', () => {
      const id = idOf('surplus')
      const later = [...closed, registered('2026-0005', ['c5'], WORKDAY_10AM + 8 * MIN)]
      const ctx = contextOf(foldUnitRegister(later, CTX), officer, [], id)
      // only carriers registered since the find are its possible registration
      expect(registrationOptions(ctx).map((o) => o.value)).toEqual(['c5'])
      const done = take(
        later,
        resolveRegistered,
        WORKDAY_10AM + 9 * MIN,
        { carrierId: 'c5', note: '已补登' },
        [],
        id,
      )
      expect(done.payload).toMatchObject({ resolution: 'registered', carrierId: 'c5' })
      expect(
        take(closed, resolveExplained, WORKDAY_10AM + 9 * MIN, { note: '系外单位留存件' }, [], id).payload,
      ).toEqual({
        anomalyId: id,
        resolution: 'explained',
        note: '系外单位留存件',
      })
    })
  })
})
