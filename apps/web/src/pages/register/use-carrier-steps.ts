import { computed, type Ref, shallowReactive, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CarrierRow } from '../../register/carrier-rows.ts'
import {
  batchWorkflowsFor,
  type Workflow,
  type WorkflowContext,
  workflowsFor,
} from '../../register/workflows/index.ts'
import { inOffice, whereabouts } from '../../register/workflows/workflow.ts'
import { useRegisterStore } from '../../stores/register-store.ts'
import { useSessionStore } from '../../stores/session-store.ts'
import { activeReplica } from '../../sync/replica-session.ts'

/**
 * The carrier list's configured steps: which a row (更多, 审批销毁, 销毁) or the ticked rows (销毁清单,
 * 立卷归档) offer this user now, and the one WorkflowDialog's state for the step opened.
 */
export function useCarrierSteps(now: Ref<number>) {
  const { t, locale } = useI18n()
  const store = useRegisterStore()
  const session = useSessionStore()

  // Loans, trips and electronic use (C-06, C-08, C-16): steps configured in register/workflows, one dialog.
  // Shallow: a step holds its zod schema and the context the folded state, neither to be made reactive.
  const workflow = shallowReactive<{ open: boolean; step: Workflow | null; context: WorkflowContext | null }>(
    {
      open: false,
      step: null,
      context: null,
    },
  )
  function contextOf(row: CarrierRow, rows: readonly CarrierRow[] = [row]): WorkflowContext | null {
    const state = store.state
    if (state === null || row.kind !== 'copy') return null
    return {
      row,
      rows,
      state,
      // the directory the replica verifies signatures with: every member of the unit
      directory: activeReplica()?.ctx.directory ?? session.directory,
      userId: session.user?.id ?? '',
      isOfficer: session.isOfficer,
      isLeader: session.isLeader,
      now: now.value,
    }
  }
  function stepsOf(row: CarrierRow): Workflow[] {
    const context = contextOf(row)
    return context === null ? [] : workflowsFor(context)
  }
  function openStep(id: string, row: CarrierRow): void {
    const context = contextOf(row)
    const step = context === null ? undefined : workflowsFor(context).find((w) => w.id === id)
    if (!context || !step) return
    workflow.context = context
    workflow.step = step
    workflow.open = true
  }

  /** A step on one row opened by its own button (审批销毁, 销毁), through the same dialog. */
  function openOne(step: Workflow, row: CarrierRow): void {
    const context = contextOf(row)
    if (!context) return
    workflow.context = context
    workflow.step = step
    workflow.open = true
  }

  // A batch (销毁清单, 立卷归档): the copies ticked in the list, the steps they allow in the button row.
  const selected = shallowRef<CarrierRow[]>([])
  const selectable = (row: CarrierRow) => row.kind === 'copy' && row.state !== 'destroyed'
  const batchContext = computed(() => {
    const first = selected.value[0]
    return first === undefined ? null : contextOf(first, selected.value)
  })
  const batchSteps = computed(() =>
    batchContext.value === null ? [] : batchWorkflowsFor(batchContext.value),
  )
  function openBatch(step: Workflow): void {
    if (!batchContext.value) return
    workflow.context = batchContext.value
    workflow.step = step
    workflow.open = true
  }
  const copyName = (row: CarrierRow) =>
    `${row.serial}${row.copyNumber === null ? '' : ` 第 ${row.copyNumber} 份`}`
  const workflowSubject = computed(() => {
    const rows = workflow.context?.rows ?? []
    const row = rows[0]
    if (row === undefined) return ''
    if (rows.length === 1) return `${copyName(row)} · ${row.docNumber} · ${row.title}`
    return t('workflow.batchSubject', { n: rows.length, serials: rows.map(copyName).join('、') })
  })
  const stepLabel = (w: Workflow) => (locale.value === 'en' ? w.label.en : w.label.zh)
  /** Where a carrier is when another register has it away: on loan, carried out (C-06, C-08, C-21). */
  function awayOf(row: CarrierRow): string {
    const away = row.kind === 'copy' && store.state ? whereabouts(store.state, row.id) : null
    return away ? `${t(`workflow.away.${away.rule}`)} · ${away.holder}` : ''
  }
  function canHandOut(row: CarrierRow): boolean {
    const context = contextOf(row)
    return context !== null && inOffice(context)
  }

  return {
    workflow,
    stepsOf,
    openStep,
    openOne,
    selected,
    selectable,
    batchSteps,
    openBatch,
    copyName,
    workflowSubject,
    stepLabel,
    awayOf,
    canHandOut,
  }
}
