/** Secrecy levels (密级). The first three are state secrets ("三密"). */
export const Level = {
  TopSecret: 'top_secret',
  Secret: 'secret',
  Confidential: 'confidential',
  WorkSecret: 'work_secret',
  Internal: 'internal',
  Public: 'public',
} as const
export type Level = (typeof Level)[keyof typeof Level]

export const LEVELS: readonly Level[] = Object.values(Level)

export const LEVEL_LABEL_ZH: Readonly<Record<Level, string>> = {
  top_secret: '绝密',
  secret: '机密',
  confidential: '秘密',
  work_secret: '工作秘密',
  internal: '内部',
  public: '公开',
}

export const LEVEL_LABEL_EN: Readonly<Record<Level, string>> = {
  top_secret: 'Top secret',
  secret: 'Secret',
  confidential: 'Confidential',
  work_secret: 'Work secret',
  internal: 'Internal',
  public: 'Public',
}

/** rule D-03: maximum secrecy period in years; a state secret without a period gets the maximum. */
export const MAX_PERIOD_YEARS: Readonly<Partial<Record<Level, number>>> = {
  top_secret: 30,
  secret: 20,
  confidential: 10,
}

export function isStateSecret(level: Level): boolean {
  return level === Level.TopSecret || level === Level.Secret || level === Level.Confidential
}

/** rule C-02: 绝密 and 机密 carriers carry copy numbers (份号). */
export function requiresCopyNumbers(level: Level): boolean {
  return level === Level.TopSecret || level === Level.Secret
}

/** Marking as printed on carriers and registers: `机密★10年` (rule D-03). */
export function levelMarking(level: Level, periodYears: number | null): string {
  const label = LEVEL_LABEL_ZH[level]
  if (!isStateSecret(level)) return label
  return `${label}★${periodYears ?? MAX_PERIOD_YEARS[level]}年`
}

/** Levels in order of sensitivity, for "cleared for at least this level" checks (M-03, M-09, C-15). */
const LEVEL_RANK: Readonly<Record<Level, number>> = {
  public: 0,
  internal: 1,
  work_secret: 2,
  confidential: 3,
  secret: 4,
  top_secret: 5,
}

export function levelRank(level: Level | null): number {
  return level === null ? -1 : LEVEL_RANK[level]
}
