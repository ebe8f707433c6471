import type { Carrier, RegisterState } from '@secledger/domain'

/** rule C-02 for copies (C-07): the next free copy numbers among the original's registration and its copies. */
export function nextCopyNumbers(state: RegisterState | null, original: Carrier, count: number): number[] {
  let max = 0
  for (const c of state?.carriers.values() ?? []) {
    const related = c.serial === original.serial || c.serial.startsWith(`${original.serial}-F`)
    if (related && c.copyNumber !== null) max = Math.max(max, c.copyNumber)
  }
  return Array.from({ length: count }, (_, i) => max + 1 + i)
}
