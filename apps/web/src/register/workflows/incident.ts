import { LEVEL_LABEL_EN, LEVEL_LABEL_ZH, type RegisterState } from '@secledger/domain'
import {
  type Incident,
  incidentCarrierFoundSchema,
  incidentCarrierMissingSchema,
  incidentInvestigationConcludedSchema,
  incidentOpenedSchema,
  incidentRemediedSchema,
  incidentReportedToBureauSchema,
  type MissingItem,
} from '@secledger/domain/registers/incident'
import type { Bilingual, FieldOption, FieldSpec } from '@secledger/ui/logic'
import { carrierName, type IncidentRow, nextIncidentNumber } from '../incident/incident-rows.ts'
import type { PageBase } from '../page-config.ts'
import { formatDateTime } from '../time-format.ts'
import { bi, type Step } from './workflow.ts'

/** What the incident page knows when it offers a step (rules ): the page, or one row. */
export interface IncidentContext extends PageBase {
  readonly row: IncidentRow | null
}

export type IncidentStep = Step<IncidentContext>

const minutes = (ms: number) => formatDateTime(ms).slice(0, 16)

/** The officer keeps the register; a leader may open, remedy, report and conclude too (events.ts). */
const keeper = (ctx: IncidentContext) => ctx.isOfficer || ctx.isLeader

/** An incident not concluded nor closed as found: remedies, the report and the result are still taken. */
function openIncident(ctx: IncidentContext): Incident | null {
  const i = ctx.row?.incident ?? null
  return i !== null && (i.state === 'open' || i.state === 'reported') ? i : null
}

/** A missing carrier not found again. */
function openMissing(ctx: IncidentContext): MissingItem | null {
  const m = ctx.row?.missing ?? null
  return ctx.row?.category === 'missing' && m !== null && m.foundAt === null ? m : null
}

const incidentRef = (ctx: IncidentContext) => ({ incidentId: ctx.row?.incident?.id ?? '' })

// rules S-01, S-03: a note says what was done, never what the carrier holds; the domain screens it.
const NOTE_HINT = bi(
  '只写采取的措施和经过，不写涉密内容（规则 S-01、S-03）',
  'What was done, never what the carrier holds (rules S-01, S-03)',
)

const kindOptions: FieldOption[] = [
  { value: 'suspected_leak', label: bi('疑似泄密', 'Suspected leak') },
  { value: 'loss', label: bi('遗失', 'Loss') },
]

/** The register's carriers as choices (not destroyed), by 登记编号 and 份号, never by title (S-01). */
function carrierOptions(state: RegisterState, except: ReadonlySet<string> = new Set()): FieldOption[] {
  return [...state.carriers.values()]
    .filter((c) => c.state !== 'destroyed' && !except.has(c.id))
    .sort((a, b) => b.registeredAt - a.registeredAt || a.id.localeCompare(b.id))
    .map((c) => {
      const name = carrierName(state, c.id)
      const doc = c.docNumber === '' ? '' : ` · ${c.docNumber}`
      return {
        value: c.id,
        label: bi(`${name}${doc} · ${LEVEL_LABEL_ZH[c.level]}`, `${name}${doc} · ${LEVEL_LABEL_EN[c.level]}`),
      }
    })
}

/** rule X-01: a suspected leak or a loss, from the moment it was discovered. */
export const openIncidentStep: IncidentStep = {
  id: 'incident-open',
  type: 'incident.opened',
  schema: incidentOpenedSchema,
  rule: 'X-01',
  label: bi('登记泄密事件', 'Open an incident'),
  done: bi('已登记，须在 24 小时内报告保密局', 'Opened; report it to the bureau within 24 hours'),
  actor: 'officer',
  available: (ctx) => keeper(ctx) && ctx.row === null,
  fields: (ctx) => ({
    kind: { label: bi('类别', 'Kind'), options: kindOptions },
    discoveredAt: {
      label: bi('发现时间', 'Discovered at'),
      kind: 'datetime',
      hint: bi(
        '24 小时内报告保密局、3 个月内报送书面查处结果，均自发现时起算（规则 X-01）',
        'Report within 24 hours and the written result within 3 months, both from discovery (rule X-01)',
      ),
    },
    carrierRefs: {
      label: bi('涉及载体', 'Carriers concerned'),
      options: carrierOptions(ctx.state),
      hint: bi(
        '选择台账中的载体，或输入登记编号后回车；不写标题（规则 S-01）',
        'Choose from the register, or type a register number and press Enter; no titles (rule S-01)',
      ),
    },
  }),
  initial: (ctx, values) => ({ ...values, kind: '', discoveredAt: ctx.now }),
  fixed: (ctx) => ({ incidentId: nextIncidentNumber(ctx.state, 'incident', ctx.now) }),
}

/**
 * rule X-02: a missing carrier handled as an incident. Its clock is not reset: past the level's limit the
 * 24 hours run from the moment it became a leak (the domain's automatic incident); before, from now.
 */
export const escalateMissing: IncidentStep = {
  id: 'incident-escalate',
  type: 'incident.opened',
  schema: incidentOpenedSchema,
  rule: 'X-02',
  label: bi('按泄密事件处理', 'Handle as an incident'),
  done: bi('已按泄密事件登记', 'Opened as an incident'),
  actor: 'officer',
  available: (ctx) => keeper(ctx) && openMissing(ctx)?.incidentId === null,
  fields: (ctx) => {
    const from = discoveryOf(ctx)
    return {
      kind: {
        label: bi('类别', 'Kind'),
        options: kindOptions,
        hint: bi(
          `24 小时报告时限自 ${minutes(from)} 起算（规则 X-01、X-02）`,
          `The 24 hours to report run from ${minutes(from)} (rules X-01, X-02)`,
        ),
      },
    }
  },
  initial: (_ctx, values) => ({ ...values, kind: 'loss' }),
  fixed: (ctx) => ({
    incidentId: nextIncidentNumber(ctx.state, 'incident', ctx.now),
    missingId: ctx.row?.missing?.id ?? '',
    discoveredAt: discoveryOf(ctx),
    carrierRefs: ctx.row?.missing ? [ctx.row.missing.carrierId] : [],
  }),
}

/** A missing carrier past its limit keeps the domain's leak moment as its discovery; else now. */
function discoveryOf(ctx: IncidentContext): number {
  const row = ctx.row
  return row?.state === 'leak' && row.leakAt !== null ? Math.min(row.leakAt, ctx.now) : ctx.now
}

/** rule X-01: a remedial measure taken (补救措施), as often as there are measures. */
export const remedyIncident: IncidentStep = {
  id: 'incident-remedy',
  type: 'incident.remedied',
  schema: incidentRemediedSchema,
  rule: 'X-01',
  label: bi('记录补救措施', 'Record a remedy'),
  done: bi('补救措施已记录', 'Remedy recorded'),
  actor: 'officer',
  available: (ctx) => keeper(ctx) && openIncident(ctx) !== null,
  fields: () => ({ note: { label: bi('补救措施', 'Remedial measure'), hint: NOTE_HINT } }),
  fixed: incidentRef,
}

/** rule X-01: reported to the secrecy bureau; recorded at this moment, late if past the 24 hours. */
export const reportIncident: IncidentStep = {
  id: 'incident-report',
  type: 'incident.reported_to_bureau',
  schema: incidentReportedToBureauSchema,
  rule: 'X-01',
  label: bi('报告保密局', 'Report to the bureau'),
  done: bi(
    '已登记报告，3 个月内报送书面查处结果',
    'Report recorded; the written result is due within 3 months',
  ),
  actor: 'officer',
  available: (ctx) => keeper(ctx) && openIncident(ctx)?.reportedAt === null,
  fields: () => ({
    reportRef: {
      label: bi('报告文号', 'Report reference'),
      hint: bi(
        '报告保密局的文号或登记号；报告时间按登记时记录（规则 X-01）',
        "The report's reference; the time of the report is the time of this record (rule X-01)",
      ),
    },
  }),
  fixed: incidentRef,
}

/** rule X-01: the written investigation result; the domain asks for the report to the bureau first. */
export const concludeIncident: IncidentStep = {
  id: 'incident-conclude',
  type: 'incident.investigation_concluded',
  schema: incidentInvestigationConcludedSchema,
  rule: 'X-01',
  label: bi('报送查处结果', 'Record the written result'),
  done: bi('查处结果已登记，事件结案', 'Written result recorded; the incident is closed'),
  actor: 'officer',
  available: (ctx) => keeper(ctx) && openIncident(ctx) !== null,
  fields: () => ({
    resultRef: { label: bi('查处结果文号', 'Result reference') },
    note: { label: bi('处理情况', 'Outcome'), hint: NOTE_HINT },
  }),
  fixed: incidentRef,
}

/** Where a carrier was found missing: a reconciliation, an inspection's check, or a return. */
export interface GapSource {
  readonly value: string
  readonly source: 'reconciliation' | 'inspection' | 'return'
  readonly label: Bilingual
  /** When each carrier of the entry was found missing; `''` for the entry as a whole. */
  readonly noticedAt: ReadonlyMap<string, number>
}

/**
 * The open gaps of the other registers a missing carrier is reported from: an inventory with missing
 * or unconfirmed carriers (C-13, by inventory), an inspection's 帐有物无 (I-03, by check), a return or
 * meeting gap of the outgoing register (C-09, C-14, by document or meeting). Their own anomaly ids are
 * longer than the event's reference allows, so an inventory and an outgoing gap go by their subject.
 */
export function gapSources(state: RegisterState): GapSource[] {
  const out = new Map<string, GapSource>()
  const custody = state.registers.custody
  for (const a of custody.anomalies.values()) {
    if (a.resolvedAt !== null || (a.kind !== 'missing' && a.kind !== 'unconfirmed')) continue
    const inventory = custody.inventories.get(a.inventoryId)
    const prev = out.get(a.inventoryId)
    const noticedAt = new Map(prev?.noticedAt ?? [['', a.openedAt]])
    if (a.carrierId !== null) noticedAt.set(a.carrierId, a.openedAt)
    noticedAt.set('', Math.min(noticedAt.get('') ?? a.openedAt, a.openedAt))
    const names = [...noticedAt.keys()].filter((k) => k !== '').map((id) => carrierName(state, id))
    const day = formatDateTime(inventory?.openedAt ?? a.openedAt).slice(0, 10)
    out.set(a.inventoryId, {
      value: a.inventoryId,
      source: 'reconciliation',
      label: bi(`清查盘点 ${day} · 缺 ${names.join('、')}`, `Inventory ${day} · missing ${names.join(', ')}`),
      noticedAt,
    })
  }
  const inspection = state.registers.inspection
  for (const a of inspection.anomalies.values()) {
    if (a.resolvedAt !== null || a.kind !== 'missing') continue
    const day = inspection.inspections.get(a.inspectionId)?.heldOn ?? formatDateTime(a.openedAt).slice(0, 10)
    out.set(a.id, {
      value: a.id,
      source: 'inspection',
      label: bi(`保密检查 ${day} · 帐有物无 ${a.itemRef}`, `Inspection ${day} · not found ${a.itemRef}`),
      noticedAt: new Map([['', a.openedAt]]),
    })
  }
  const outgoing = state.registers.outgoing
  for (const a of outgoing.anomalies.values()) {
    if (a.resolvedAt !== null) continue
    const doc = outgoing.documents.get(a.subjectId)
    const what =
      a.kind === 'reconciliation_gap'
        ? bi(`清退 ${doc?.docNumber ?? a.subjectId}`, `Return ${doc?.docNumber ?? a.subjectId}`)
        : bi(
            `会议文件收回 ${formatDateTime(a.openedAt).slice(0, 10)}`,
            `Meeting ${formatDateTime(a.openedAt).slice(0, 10)}`,
          )
    const names = a.carrierIds.map((id) => carrierName(state, id))
    const copies = a.copyNumbers.map((n) => `第 ${n} 份`)
    const gap = [...names, ...copies].join('、')
    const noticedAt = new Map([['', a.openedAt], ...a.carrierIds.map((id) => [id, a.openedAt] as const)])
    out.set(a.subjectId, {
      value: a.subjectId,
      source: 'return',
      label: bi(`${what.zh} · 缺 ${gap}`, `${what.en} · missing ${gap}`),
      noticedAt,
    })
  }
  return [...out.values()]
}

/** The open missing entries' carriers: one carrier is missing once at a time (X-02). */
function missingNow(state: RegisterState): Set<string> {
  const ids = new Set<string>()
  for (const m of state.registers.incident.missing.values()) if (m.foundAt === null) ids.add(m.carrierId)
  return ids
}

/**
 * rule X-02: a carrier a reconciliation, an inspection or a return could not find, from the entry that
 * found it: its 10 (绝密) or 60 days (机密, 秘密) run from the moment that entry found it missing.
 */
export const reportMissing: IncidentStep = {
  id: 'incident-missing',
  type: 'incident.carrier_missing',
  schema: incidentCarrierMissingSchema,
  rule: 'X-02',
  label: bi('登记载体缺失', 'Report a missing carrier'),
  done: bi('已登记缺失，查找时限开始计算', 'Reported missing; the search period runs'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && ctx.row === null,
  fields: (ctx): Readonly<Record<string, FieldSpec>> => ({
    carrierId: {
      label: bi('缺失载体', 'Missing carrier'),
      options: carrierOptions(ctx.state, missingNow(ctx.state)),
    },
    sourceRef: {
      label: bi('缺失来源', 'Found missing in'),
      options: gapSources(ctx.state).map((g) => ({ value: g.value, label: g.label })),
      hint: bi(
        '清查、检查或清退中发现的缺失；绝密 10 天、机密和秘密 60 天未找回的按泄密事件处理（规则 X-02）',
        'A gap of an inventory, an inspection or a return; not found within 10 days (top secret) or 60 days (secret, confidential) it is a leak (rule X-02)',
      ),
    },
  }),
  fixed: (ctx, values) => {
    const carrier = ctx.state.carriers.get(String(values.carrierId ?? ''))
    const gap = gapSources(ctx.state).find((g) => g.value === values.sourceRef)
    // Until both are chosen the form asks for them beside the fields (请选择) and writes nothing; the
    // derived values stand in meanwhile so that no refusal shows above a form not yet filled.
    return {
      missingId: nextIncidentNumber(ctx.state, 'missing', ctx.now),
      itemRef: carrier === undefined ? '—' : carrierName(ctx.state, carrier.id),
      level: carrier?.level ?? 'secret',
      source: gap?.source ?? 'reconciliation',
      noticedAt: (carrier && gap?.noticedAt.get(carrier.id)) ?? gap?.noticedAt.get('') ?? ctx.now,
    }
  },
}

/** rule X-02: the missing carrier found again; an incident not yet reported closes with it. */
export const foundMissing: IncidentStep = {
  id: 'incident-found',
  type: 'incident.carrier_found',
  schema: incidentCarrierFoundSchema,
  rule: 'X-02',
  label: bi('登记找回', 'Record as found'),
  done: bi('已登记找回', 'Recorded as found'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openMissing(ctx) !== null,
  fields: () => ({ note: { label: bi('找回情况', 'Where it was found'), hint: NOTE_HINT } }),
  fixed: (ctx) => ({ missingId: ctx.row?.missing?.id ?? '' }),
}

export const INCIDENT_PAGE_STEPS: readonly IncidentStep[] = [openIncidentStep, reportMissing]
export const INCIDENT_ROW_STEPS: readonly IncidentStep[] = [
  remedyIncident,
  reportIncident,
  concludeIncident,
  escalateMissing,
  foundMissing,
]
