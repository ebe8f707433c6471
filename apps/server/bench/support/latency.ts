/** Percentiles of latency samples (ms), for the tables the lead quotes. */
export type LatencySummary = {
  readonly n: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
  readonly mean: number
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] as number
}

const round = (ms: number): number => Math.round(ms * 100) / 100

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = samples.slice().sort((a, b) => a - b)
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sum / sorted.length),
  }
}

/** Prints one titled table; `budget` says what the figures are held against. */
export function report(title: string, budget: string, rows: Record<string, object>): void {
  console.log(`\n=== ${title} — budget: ${budget}`)
  console.table(rows)
}
