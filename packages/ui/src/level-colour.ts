import type { Level } from '@secledger/domain'

/** Conventional marking colours: the three state-secret levels in reds and oranges, the rest grey. */
export const LEVEL_COLOUR: Readonly<Record<Level, string>> = {
  top_secret: '#b71c1c',
  secret: '#d84315',
  confidential: '#ef6c00',
  work_secret: '#5d4037',
  internal: '#546e7a',
  public: '#757575',
}
