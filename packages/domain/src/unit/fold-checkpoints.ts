import { type FoldWork, forkWorkApart } from './fold-work.ts'

/**
 * Checkpoints of the fold (issue 11): every `every` log events the working state is kept as it was,
 * so that a late event (an offline device's history) refolds from the last checkpoint before it
 * instead of from the start. A checkpoint is a forked work (forkWorkApart: CowMaps share their
 * buckets); it costs the buckets the fold writes after it, not a copy of the register up front.
 *
 * Old checkpoints are thinned: the DENSE newest are `every` apart, the DENSE before them twice as
 * far, and so on. A late event far back refolds everything after it anyway, so a gap there costs
 * little, and the register keeps O(log n) checkpoints instead of n / every. A fold that knows where
 * it ends takes only the checkpoints that will still be kept there: each one taken costs the copy of
 * the buckets written after it (most of the big maps), so the fold of 100,000 events takes ~9, not 48.
 */

/** Events between checkpoints: chosen by measurement (bench/fold.bench.ts). */
export const CHECKPOINT_EVERY = 2_048

/** Checkpoints kept at each spacing (every, 2 × every, 4 × every…). */
const DENSE = 2

interface Checkpoint {
  /** Log position: the work after the tail and log[0, pos). */
  readonly pos: number
  readonly work: FoldWork
}

export interface Checkpoints {
  readonly every: number
  /** Oldest first. */
  list: Checkpoint[]
}

export function createCheckpoints(every: number = CHECKPOINT_EVERY): Checkpoints {
  if (!(every >= 1)) throw new Error(`checkpoint spacing must be at least 1, not ${every}`)
  return { every, list: [] }
}

/**
 * Whether the checkpoint `index` (pos / every) stays once checkpoint `newest` is taken. Distance
 * d = newest − index gets spacing 2^level with level = ⌊log2(⌊d / DENSE⌋ + 1)⌋; the spacing only
 * grows with d, so a checkpoint once dropped would never be kept again.
 */
function kept(index: number, newest: number): boolean {
  const level = Math.floor(Math.log2(Math.floor((newest - index) / DENSE) + 1))
  return index % 2 ** level === 0
}

/**
 * Called after the fold of log[pos − 1], in a fold that goes on to log[end − 1]: at a multiple of
 * `every` still kept at `end`, keeps `work` as a checkpoint and returns a fork to go on folding into;
 * otherwise returns `work`.
 */
export function passCheckpoint(checkpoints: Checkpoints, pos: number, end: number, work: FoldWork): FoldWork {
  const every = checkpoints.every
  if (pos % every !== 0 || !kept(pos / every, Math.floor(end / every))) return work
  const newest = pos / every
  checkpoints.list = checkpoints.list.filter((c) => kept(c.pos / every, newest))
  checkpoints.list.push({ pos, work })
  return forkWorkApart(work)
}

/**
 * The last checkpoint at or before `pos` (log[0, pos) unchanged), as a fork to fold into, or null.
 * Later checkpoints are dropped: the refold takes them again as it passes their positions.
 */
export function restoreCheckpoint(
  checkpoints: Checkpoints,
  pos: number,
): { pos: number; work: FoldWork } | null {
  const list = checkpoints.list
  let i = list.length - 1
  while (i >= 0 && (list[i] as Checkpoint).pos > pos) i--
  list.length = i + 1
  const found = list[i]
  return found === undefined ? null : { pos: found.pos, work: forkWorkApart(found.work) }
}

/** Forget every checkpoint (the whole log is refolded). */
export function clearCheckpoints(checkpoints: Checkpoints): void {
  checkpoints.list = []
}
