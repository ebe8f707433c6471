/** One kept text: which override let it through, by whom, when and why (rule S-03, logged). */
export interface RecordedOverride {
  readonly textHash: string
  readonly eventId: string
  readonly by: string
  readonly at: number
  readonly reason: string
}

export interface ScreeningWork {
  readonly overrides: Map<string, RecordedOverride>
}

export interface ScreeningState {
  readonly overrides: ReadonlyMap<string, RecordedOverride>
}

export function emptyScreeningWork(): ScreeningWork {
  return { overrides: new Map() }
}

export function forkScreeningWork(work: ScreeningWork): ScreeningWork {
  return { overrides: new Map(work.overrides) }
}

export function viewScreeningWork(work: ScreeningWork): ScreeningState {
  return { overrides: new Map(work.overrides) }
}
