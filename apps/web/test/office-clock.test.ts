import { describe, expect, it } from 'vitest'
import { officeMorning } from '../e2e/office-clock.ts'
import { formatDateTime } from '../src/register/time-format.ts'

describe('the e2e officer clock (C-05 in office hours at any hour of the run)', () => {
  it('is 10:00 Asia/Shanghai today on a working day, even late in the evening', () => {
    expect(formatDateTime(officeMorning(Date.parse('2026-11-23T23:55:00+08:00')))).toBe('2026-11-23 10:00:00')
  })

  it('is 10:00 on a fixed 2026 working day when today is not one', () => {
    expect(formatDateTime(officeMorning(Date.parse('2026-11-22T09:00:00+08:00')))).toBe('2026-03-04 10:00:00')
    expect(formatDateTime(officeMorning(Date.parse('2026-10-03T12:00:00+08:00')))).toBe('2026-03-04 10:00:00')
  })
})
