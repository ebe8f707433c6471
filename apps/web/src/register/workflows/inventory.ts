import { LEVEL_LABEL_EN, LEVEL_LABEL_ZH, LEVELS, type RegisterState } from '@secledger/domain'
import {
  type CustodyAnomaly,
  custodyAnomalyResolvedSchema,
  custodyInventoryClosedSchema,
  custodyInventoryConfirmedSchema,
  custodyInventoryMissingSchema,
  custodyInventoryOpenedSchema,
  custodyInventorySurplusSchema,
  type Inventory,
} from '@secledger/domain/registers/custody'
import type { FieldOption } from '@secledger/ui/logic'
import { confirmable, copyName, type InventoryRow } from '../inventory/inventory-rows.ts'
import { formatDateTime } from '../time-format.ts'
import { bi, newEntityId, type Step } from './workflow.ts'

/** What the inventory page knows when it offers a step (rule C-13). */
export interface InventoryContext {
  readonly state: RegisterState
  /** The inventory under way, or null. */
  readonly inventory: Inventory | null
  /** The checklist rows acted on: the ticked ones, or the one row. */
  readonly rows: readonly InventoryRow[]
  /** The gap being resolved. */
  readonly anomaly: CustodyAnomaly | null
  readonly isOfficer: boolean
}

export type InventoryStep = Step<InventoryContext>

const inventoryId = (ctx: InventoryContext) => ctx.inventory?.id ?? ''
const running = (ctx: InventoryContext) => ctx.isOfficer && ctx.inventory !== null
const note = (zh: string, en: string) => ({ note: { label: bi(zh, en) } })

/** The officer opens an inventory; the domain records the carriers in custody at this moment as expected. */
export const startInventory: InventoryStep = {
  id: 'inventory-open',
  type: 'custody.inventory_opened',
  schema: custodyInventoryOpenedSchema,
  rule: 'C-13',
  label: bi('开始清查', 'Start inventory'),
  done: bi('清查已开始', 'Inventory started'),
  actor: 'officer',
  // rule C-17: a closed unit's custody register takes no new entries
  available: (ctx) =>
    ctx.isOfficer &&
    ctx.inventory === null &&
    (ctx.state.registers.custody.closure?.closedAt ?? null) === null,
  fields: () => ({}),
  fixed: () => ({ inventoryId: newEntityId('inv') }),
}

/** The ticked carriers seen and confirmed present (在册), as one event. */
export const confirmTicked: InventoryStep = {
  id: 'inventory-confirm',
  type: 'custody.inventory_confirmed',
  schema: custodyInventoryConfirmedSchema,
  rule: 'C-13',
  label: bi('确认在册', 'Confirm present'),
  done: bi('已确认在册', 'Confirmed present'),
  actor: 'officer',
  batch: true,
  available: (ctx) => running(ctx) && ctx.rows.length > 0 && ctx.rows.every(confirmable),
  fields: () => ({}),
  fixed: (ctx) => ({ inventoryId: inventoryId(ctx), carrierIds: ctx.rows.map((r) => r.id) }),
}

/** A carrier not found where it should be (帐多物少), reported during the inventory. */
export const markMissing: InventoryStep = {
  id: 'inventory-missing',
  type: 'custody.inventory_missing',
  schema: custodyInventoryMissingSchema,
  rule: 'C-13',
  label: bi('登记缺失', 'Report missing'),
  done: bi('已登记缺失', 'Reported missing'),
  actor: 'officer',
  available: (ctx) => running(ctx) && ctx.rows.length === 1 && ctx.rows[0]?.status === 'pending',
  fields: () => ({
    note: {
      label: bi('情况说明', 'Note'),
      hint: bi('在何处查找、谁最后经手；结束清查后成为帐物不符', 'Where it was looked for, who last had it'),
    },
  }),
  fixed: (ctx) => ({ inventoryId: inventoryId(ctx), carrierId: ctx.rows[0]?.id ?? '' }),
}

const levelOptions: FieldOption[] = LEVELS.map((level) => ({
  value: level,
  label: bi(LEVEL_LABEL_ZH[level], LEVEL_LABEL_EN[level]),
}))

/** An item found that the register does not list (物多帐少): metadata only (rule S-01). */
export const recordSurplus: InventoryStep = {
  id: 'inventory-surplus',
  type: 'custody.inventory_surplus',
  schema: custodyInventorySurplusSchema,
  rule: 'C-13',
  label: bi('登记多出物品', 'Record surplus item'),
  done: bi('已登记多出物品', 'Surplus item recorded'),
  actor: 'officer',
  available: running,
  fields: () => ({
    docNumber: { label: bi('文号', 'Document number') },
    level: { label: bi('密级', 'Level'), options: levelOptions },
    note: {
      label: bi('说明', 'Note'),
      hint: bi(
        '只写发现地点和外观，不写内容（规则 S-01）',
        'Where and what it looks like, never its content',
      ),
    },
  }),
  fixed: (ctx) => ({ inventoryId: inventoryId(ctx), surplusId: newEntityId('sur') }),
}

/** The inventory closes: 帐物相符 is computed and every gap becomes an anomaly. */
export const closeInventory: InventoryStep = {
  id: 'inventory-close',
  type: 'custody.inventory_closed',
  schema: custodyInventoryClosedSchema,
  rule: 'C-13',
  label: bi('结束清查', 'Close inventory'),
  done: bi('清查已结束', 'Inventory closed'),
  actor: 'officer',
  available: running,
  fields: () => note('清查说明', 'Note'),
  fixed: (ctx) => ({ inventoryId: inventoryId(ctx) }),
}

/** The branch of custody.anomaly_resolved for one resolution: a strict object the form can read. */
function branch(resolution: string): unknown {
  const found = custodyAnomalyResolvedSchema.options.find((o) => o.shape.resolution.value === resolution)
  if (found === undefined) throw new TypeError(`no resolution ${resolution}`)
  return found
}

const openGap = (ctx: InventoryContext, surplus: boolean) =>
  ctx.isOfficer &&
  ctx.anomaly !== null &&
  ctx.anomaly.resolvedAt === null &&
  (ctx.anomaly.kind === 'surplus') === surplus
const anomalyId = (ctx: InventoryContext) => ctx.anomaly?.id ?? ''

/** rules: the incident register's entries about this carrier (an incident or a missing item). */
export function incidentOptions(ctx: InventoryContext): FieldOption[] {
  const a = ctx.anomaly
  if (a === null || a.carrierId === null) return []
  const refs = [a.carrierId, a.serial].filter((r) => r !== '')
  const incidents = ctx.state.registers.incident
  const out: FieldOption[] = []
  for (const i of incidents.incidents.values())
    if (i.carrierRefs.some((r) => refs.includes(r))) {
      const when = formatDateTime(i.discoveredAt).slice(0, 16)
      out.push({
        value: i.id,
        label: bi(`泄密事件 ${i.id} · ${when} 发现`, `Incident ${i.id} · found ${when}`),
      })
    }
  for (const m of incidents.missing.values())
    if (m.carrierId === a.carrierId)
      out.push({ value: m.id, label: bi(`缺失载体 ${m.itemRef}`, `Missing item ${m.itemRef}`) })
  return out
}

/** rules C-01, C-13: carriers registered since the surplus item was found, not yet the registration of another. */
export function registrationOptions(ctx: InventoryContext): FieldOption[] {
  const a = ctx.anomaly
  if (a === null) return []
  const taken = new Set<string>()
  for (const s of ctx.state.registers.custody.anomalies.values())
    if (s.kind === 'surplus' && s.resolution === 'registered' && s.carrierId !== null) taken.add(s.carrierId)
  return [...ctx.state.carriers.values()]
    .filter((c) => c.registeredAt >= a.openedAt && !taken.has(c.id) && c.state !== 'destroyed')
    .sort((x, y) => y.registeredAt - x.registeredAt)
    .map((c) => {
      const name = [copyName(c.serial, c.copyNumber), c.docNumber].filter(Boolean).join(' · ')
      return { value: c.id, label: bi(name, name) }
    })
}

/** A missing or unconfirmed carrier turned up. */
export const resolveFound: InventoryStep = {
  id: 'anomaly-found',
  type: 'custody.anomaly_resolved',
  schema: branch('found'),
  rule: 'C-13',
  label: bi('已找到', 'Found'),
  done: bi('已登记找到', 'Recorded as found'),
  actor: 'officer',
  available: (ctx) => openGap(ctx, false),
  fields: () => note('找到情况', 'Where it was found'),
  fixed: (ctx) => ({ anomalyId: anomalyId(ctx), resolution: 'found' }),
}

/** Not found: reported as a leak or loss under the incident register's entry. */
export const resolveIncident: InventoryStep = {
  id: 'anomaly-incident',
  type: 'custody.anomaly_resolved',
  schema: branch('incident'),
  rule: 'X-02',
  label: bi('作为泄密事件报告', 'Report as incident'),
  done: bi('已作为泄密事件报告', 'Reported as incident'),
  actor: 'officer',
  available: (ctx) => openGap(ctx, false),
  fields: (ctx) => ({
    incidentRef: {
      label: bi('泄密事件登记', 'Incident entry'),
      options: incidentOptions(ctx),
      hint: bi(
        '须先在泄密事件登记中登记该载体的遗失或缺失，24 小时内报告保密局（规则 X-01、X-02）',
        'Record the loss in the incident register first; report it to the bureau within 24 hours (rules X-01, X-02)',
      ),
    },
    ...note('处理说明', 'Note'),
  }),
  fixed: (ctx) => ({ anomalyId: anomalyId(ctx), resolution: 'incident' }),
}

/** A surplus item registered in the carrier register (C-01) after it was found. */
export const resolveRegistered: InventoryStep = {
  id: 'anomaly-registered',
  type: 'custody.anomaly_resolved',
  schema: branch('registered'),
  rule: 'C-13',
  label: bi('登记入帐', 'Registered'),
  done: bi('已登记入帐', 'Recorded as registered'),
  actor: 'officer',
  available: (ctx) => openGap(ctx, true),
  fields: (ctx) => ({
    carrierId: {
      label: bi('台账登记', 'Register entry'),
      options: registrationOptions(ctx),
      hint: bi(
        '先在载体台账登记该物品，再在此选择其登记（规则 C-01、C-13）',
        'Register the item in the carrier register first, then choose its entry (rules C-01, C-13)',
      ),
    },
    ...note('说明', 'Note'),
  }),
  fixed: (ctx) => ({ anomalyId: anomalyId(ctx), resolution: 'registered' }),
}

/** A surplus item explained: not a classified carrier, another unit's copy… */
export const resolveExplained: InventoryStep = {
  id: 'anomaly-explained',
  type: 'custody.anomaly_resolved',
  schema: branch('explained'),
  rule: 'C-13',
  label: bi('说明情况', 'Explain'),
  done: bi('已说明情况', 'Explanation recorded'),
  actor: 'officer',
  available: (ctx) => openGap(ctx, true),
  fields: () => note('情况说明', 'Explanation'),
  fixed: (ctx) => ({ anomalyId: anomalyId(ctx), resolution: 'explained' }),
}

/** The resolutions of a gap, in the order its row offers them. */
export const RESOLUTION_STEPS: readonly InventoryStep[] = [
  resolveFound,
  resolveIncident,
  resolveRegistered,
  resolveExplained,
]

export function resolutionsFor(ctx: InventoryContext): InventoryStep[] {
  return RESOLUTION_STEPS.filter((s) => s.available(ctx))
}
