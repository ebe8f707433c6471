import { LEVEL_LABEL_EN, LEVEL_LABEL_ZH } from '@secledger/domain'
import {
  type LeakIncident,
  publicationLeakClosedSchema,
  publicationLeakFoundSchema,
  publicationLeakReportedSchema,
  publicationLeakTakenDownSchema,
  publicationLeakTracedSchema,
} from '@secledger/domain/registers/publication'
import type { Bilingual, FieldSpec } from '@secledger/ui/logic'
import { newPublicationId } from '../publication/publication-rows.ts'
import {
  incidentRef,
  isKeeper,
  isMember,
  itemIn,
  itemRef,
  NOTE_HINT,
  openLeak,
  type PublicationContext,
  type PublicationStep,
} from './publication-context.ts'
import { bi } from './workflow.ts'

/** rule R-06: classified content found online, taken down, traced, reported and closed. */

function leakFields(ctx: PublicationContext, withItem: boolean): Record<string, FieldSpec> {
  const items = [...ctx.state.registers.publication.items.values()]
    .sort(
      (a, b) =>
        Number(b.state === 'published') - Number(a.state === 'published') || b.submittedAt - a.submittedAt,
    )
    .map((i) => ({ value: i.id, label: bi(`${i.id} · ${i.title}`, `${i.id} · ${i.title}`) }))
  return {
    location: {
      label: bi('发现位置', 'Where'),
      hint: bi(
        '网站、栏目或网页编号；不录入泄露的内容（规则 S-01）',
        'Site, section or page id; never the content (rule S-01)',
      ),
    },
    level: {
      label: bi('涉及密级', 'Level'),
      options: (['top_secret', 'secret', 'confidential', 'work_secret'] as const).map((l) => ({
        value: l,
        label: bi(LEVEL_LABEL_ZH[l], LEVEL_LABEL_EN[l]),
      })),
    },
    foundAt: {
      label: bi('发现时间', 'Found at'),
      kind: 'datetime',
      hint: bi(
        '1 小时内删除，24 小时内报告保密局（规则 R-06）',
        'Take down within 1 hour, report within 24 hours (rule R-06)',
      ),
    },
    ...(withItem
      ? { itemId: { label: bi('来源信息（已登记的）', 'From the registered item'), options: items } }
      : {}),
  }
}

/** rule R-06: classified content found online; taking it down and reporting it run against the clock. */
export const recordLeak: PublicationStep = {
  id: 'publication-leak',
  type: 'publication.leak_found',
  schema: publicationLeakFoundSchema,
  rule: 'R-06',
  label: bi('登记网上泄密', 'Record a leak online'),
  done: bi('已登记：立即删除、追查并报告', 'Recorded: take it down, trace it and report it'),
  actor: 'officer',
  available: (ctx) => ctx.row === null && isMember(ctx),
  fields: (ctx) => leakFields(ctx, true),
  initial: (ctx, values) => ({ ...values, level: '', foundAt: ctx.now }),
  fixed: (ctx) => ({ incidentId: newPublicationId('XL', ctx.now) }),
}

/** The same finding, on a published item: it names the item (and marks it taken down with the incident). */
export const recordLeakOfItem: PublicationStep = {
  ...recordLeak,
  id: 'publication-leak-item',
  available: (ctx) => itemIn(ctx, 'published') !== null && isMember(ctx),
  fields: (ctx) => leakFields(ctx, false),
  fixed: (ctx) => ({ incidentId: newPublicationId('XL', ctx.now), ...itemRef(ctx) }),
}

function leakStep(
  id: string,
  type: PublicationStep['type'],
  schema: unknown,
  label: Bilingual,
  done: Bilingual,
  owed: (incident: LeakIncident) => boolean,
  fields: Readonly<Record<string, FieldSpec>> = {},
): PublicationStep {
  return {
    id,
    type,
    schema,
    rule: 'R-06',
    label,
    done,
    actor: 'officer',
    available: (ctx) => {
      const incident = openLeak(ctx)
      return incident !== null && owed(incident) && isKeeper(ctx)
    },
    fields: () => fields,
    fixed: incidentRef,
  }
}

export const takeDownLeak = leakStep(
  'publication-leak-down',
  'publication.leak_taken_down',
  publicationLeakTakenDownSchema,
  bi('登记已删除', 'Record the take-down'),
  bi('已登记删除', 'Take-down recorded'),
  (i) => i.takenDownAt === null,
)

export const traceLeak = leakStep(
  'publication-leak-trace',
  'publication.leak_traced',
  publicationLeakTracedSchema,
  bi('登记追查情况', 'Record the trace'),
  bi('追查情况已登记', 'Trace recorded'),
  (i) => i.tracedAt === null,
  { note: { label: bi('追查情况', 'What was found'), kind: 'textarea', hint: NOTE_HINT } },
)

export const reportLeak = leakStep(
  'publication-leak-report',
  'publication.leak_reported',
  publicationLeakReportedSchema,
  bi('登记报告保密局', 'Record the report'),
  bi('报告已登记', 'Report recorded'),
  (i) => i.reportedAt === null,
  { reportRef: { label: bi('报告文号', 'Report reference') } },
)

/** Offered while open: closing before the take-down, trace and report is refused by the domain. */
export const closeLeak = leakStep(
  'publication-leak-close',
  'publication.leak_closed',
  publicationLeakClosedSchema,
  bi('结案', 'Close'),
  bi('已结案', 'Closed'),
  () => true,
  { note: { label: bi('结案说明', 'Closing note'), kind: 'textarea', hint: NOTE_HINT } },
)
