import { DEFAULT_CALENDAR, handOutDue } from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import { dueInstant, earliestDueClock, LAST_DUE_CLOCK } from '../src/register/due-clock.ts'
import { formatDateTime } from '../src/register/time-format.ts'

/** 2026-03-04 (a working day) at hh:mm in Asia/Shanghai. */
function shanghai(hh: number, mm: number, ss = 0): number {
  return Date.UTC(2026, 2, 4, hh - 8, mm, ss)
}

describe('C-05 return time after office hours', () => {
  it('offers times from 5 minutes on, same day', () => {
    expect(earliestDueClock(shanghai(18, 2))).toBe('18:07')
    expect(earliestDueClock(shanghai(23, 50))).toBe('23:55')
  })

  it('from 23:55 on still offers 23:59, which is the end of the day and accepted by the rule', () => {
    for (const now of [shanghai(23, 51), shanghai(23, 55), shanghai(23, 57), shanghai(23, 59, 30)]) {
      const clock = earliestDueClock(now)
      expect(clock <= LAST_DUE_CLOCK).toBe(true)
      const due = dueInstant(now, LAST_DUE_CLOCK)
      expect(due).not.toBeNull()
      expect(handOutDue(now, due ?? 0, DEFAULT_CALENDAR).ok).toBe(true)
    }
    expect(earliestDueClock(shanghai(23, 57))).toBe(LAST_DUE_CLOCK)
    expect(formatDateTime(dueInstant(shanghai(23, 57), LAST_DUE_CLOCK) ?? 0)).toBe('2026-03-04 23:59:59')
  })

  it('an ordinary clock time is that minute of the same day', () => {
    expect(formatDateTime(dueInstant(shanghai(19, 0), '21:30') ?? 0)).toBe('2026-03-04 21:30:00')
  })
})
