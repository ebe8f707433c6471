import type { Level } from '@secledger/domain'

/**
 * Conventional marking colours: the three state-secret levels in reds and oranges, the rest grey; each
 * at least 4.5:1 on white (WCAG AA, axe-core in the e2e suite).
 */
export const LEVEL_COLOUR: Readonly<Record<Level, string>> = {
  top_secret: '#b71c1c',
  secret: '#bf360c',
  confidential: '#b45309',
  work_secret: '#5d4037',
  internal: '#546e7a',
  public: '#616161',
}
