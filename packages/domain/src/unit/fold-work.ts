import type { Carrier } from '../core/carrier-record.ts'
import { CowMap } from '../core/cow-map.ts'
import type { SecurityAlert } from '../core/key-directory.ts'
import type { SliceContext } from '../core/register-slice.ts'
import type { Anomaly, Approval, RuleView } from '../registers/carrier/state.ts'
import {
  type ComposedSlices,
  carrierAwayIn,
  deviceIn,
  electronicUsesIn,
  postsIn,
  registersOf,
} from './slices.ts'
import type { RefusedEvent, RegisterState } from './unit-state.ts'

/**
 * The fold's private, mutable working state. A fold mutates it in place (no per-event copies of big
 * maps); `forkWork` forks the exposed parts once per ingest (constant time for the maps, see CowMap)
 * so earlier snapshots never change, and `forkWorkApart` forks all of it at a checkpoint.
 */
export interface FoldWork extends RuleView {
  carriers: CowMap<Carrier>
  approvals: CowMap<Approval>
  serials: CowMap<string>
  anomalies: Anomaly[]
  alerts: SecurityAlert[]
  refused: RefusedEvent[]
  /** Private indexes: anomaly id → position, original id → copies made (C-07 serials). */
  anomalyIndex: Map<string, number>
  copyCounts: Map<string, number>
  /** rules C-01, C-02: document copy key (issuer + 文号 + 份号) → the event that first registered it. */
  copyKeys: Map<string, string>
  /** Id of the last event that passed screening (a re-signed copy of it is skipped). */
  lastScreenedId: string | null
  size: number
  lastAt: string | null
  /**
   * The latest plausible event time for this ingest (FoldContext.latestEventMs, read once per ingest by
   * the register; +Infinity without it). A later event is a 时间异常 anomaly, as is one before EARLIEST_EVENT_MS.
   */
  latestMs: number
  /** The other registers composed for the policy, and their working states by slice index. */
  readonly slices: ComposedSlices
  /** undefined: the register is still empty. */
  sliceWorks: unknown[]
  /** Forked in this ingest already (a slice's work is forked on first touch, not on every ingest). */
  sliceForked: boolean[]
  /** Built on the first slice event of an ingest (its view reads this work). */
  sliceContext: SliceContext | null
}

function makeWork(
  parts: Omit<FoldWork, 'anomaly' | 'carrierAway' | 'postsOf' | 'device' | 'electronicUses'>,
): FoldWork {
  const work: FoldWork = {
    ...parts,
    anomaly: (id) => lookupAnomaly(work, id),
    carrierAway: (id) => carrierAwayIn(work.slices, work.sliceWorks, id),
    postsOf: (userId) => postsIn(work.slices, work.sliceWorks, userId),
    device: (deviceId) => deviceIn(work.slices, work.sliceWorks, deviceId),
    electronicUses: (carrierId) => electronicUsesIn(work.slices, work.sliceWorks, carrierId),
  }
  return work
}

function lookupAnomaly(work: Pick<FoldWork, 'anomalies' | 'anomalyIndex'>, id: string): Anomaly | undefined {
  const index = work.anomalyIndex.get(id)
  // Stryker disable next-line ConditionalExpression: anomalies[undefined] is undefined too
  return index === undefined ? undefined : work.anomalies[index]
}

export function emptyWork(slices: ComposedSlices): FoldWork {
  return makeWork({
    slices,
    sliceWorks: [],
    sliceForked: [],
    sliceContext: null,
    carriers: CowMap.empty(),
    approvals: CowMap.empty(),
    serials: CowMap.empty(),
    anomalies: [],
    alerts: [],
    refused: [],
    anomalyIndex: new Map(),
    copyCounts: new Map(),
    copyKeys: new Map(),
    lastScreenedId: null,
    size: 0,
    lastAt: null,
    latestMs: Number.POSITIVE_INFINITY,
  })
}

/**
 * A copy to go on folding into; `work` becomes a snapshot and never folds again. Maps fork in constant
 * time, arrays are copied (anomalies are replaced in place on resolution), slice works are forked on
 * first touch; the private indexes are shared (no snapshot reads them).
 */
export function forkWork(work: FoldWork): FoldWork {
  return makeWork({
    ...work,
    carriers: work.carriers.fork(),
    approvals: work.approvals.fork(),
    serials: work.serials.fork(),
    anomalies: work.anomalies.slice(),
    alerts: work.alerts.slice(),
    refused: work.refused.slice(),
    sliceWorks: work.sliceWorks.slice(),
    sliceForked: [],
    sliceContext: null,
  })
}

/**
 * A fork that shares nothing mutable with `work`: a checkpoint is folded from again, so its private
 * indexes are copied too. Plain Map copies, not CowMaps: they are small (anomalies, copies, secret
 * copy keys; ~8,000 entries in the 100,000-event bench) and copied only at checkpoints, and copy keys
 * share their last characters, which would crowd a CowMap's buckets.
 */
export function forkWorkApart(work: FoldWork): FoldWork {
  const fork = forkWork(work)
  fork.anomalyIndex = new Map(work.anomalyIndex)
  fork.copyCounts = new Map(work.copyCounts)
  fork.copyKeys = new Map(work.copyKeys)
  return fork
}

/** The working state of slice `index`, forked the first time this ingest touches it. */
export function touchSlice(work: FoldWork, index: number): unknown {
  const slice = work.slices.list[index]
  // Stryker disable next-line ConditionalExpression: the index comes from the same composition
  if (slice === undefined) throw new Error(`no register slice ${index}`)
  const current = work.sliceWorks[index]
  if (work.sliceForked[index] === true && current !== undefined) return current
  const forked = slice.fork(current ?? slice.empty())
  work.sliceWorks[index] = forked
  work.sliceForked[index] = true
  return forked
}

const snapshotWorks = new WeakMap<RegisterState, { slices: ComposedSlices; works: readonly unknown[] }>()

/** The slices' working states behind a snapshot (checkEvent judges a draft against them). */
export function worksOf(
  state: RegisterState,
): { slices: ComposedSlices; works: readonly unknown[] } | undefined {
  return snapshotWorks.get(state)
}

export function snapshot(work: FoldWork): RegisterState {
  const state: RegisterState = {
    carriers: work.carriers,
    anomalies: work.anomalies,
    alerts: work.alerts,
    refused: work.refused,
    size: work.size,
    approvals: work.approvals,
    serials: work.serials,
    lastAt: work.lastAt,
    registers: registersOf(work.slices, work.sliceWorks),
  }
  snapshotWorks.set(state, { slices: work.slices, works: work.sliceWorks })
  return state
}
