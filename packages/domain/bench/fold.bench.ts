import { bench, describe } from 'vitest'
import { createUnitRegister, foldUnitRegister } from '../src/unit/unit-fold.ts'
import { BENCH_CONTEXT, mixedEvents } from './mixed-events.ts'

// Budget (ARCHITECTURE): fold of 100,000 events on one core ≤ 300 ms, signature checks excluded
// (`verify: () => true`; ids are real content hashes, computed once here in setup).
const events = mixedEvents(100_000)
const reversed = events.slice().reverse()
const head = events.slice(0, 99_000)
const tail = events.slice(99_000)
const early = events[10] as (typeof events)[number]
const withoutEarly = events.filter((e) => e !== early)

describe('carrier register fold', () => {
  bench('fold 100,000 mixed events (in order)', () => {
    foldUnitRegister(events, BENCH_CONTEXT)
  })

  bench('fold 100,000 mixed events (reversed input: sort first)', () => {
    foldUnitRegister(reversed, BENCH_CONTEXT)
  })

  bench(
    'ingest the last 1,000 events 10 at a time into a 99,000-event register (incl. its first fold)',
    () => {
      const register = createUnitRegister(BENCH_CONTEXT)
      register.ingest(head)
      for (let i = 0; i < tail.length; i += 10) register.ingest(tail.slice(i, i + 10))
    },
  )

  bench('two late events: refold of 100,000 (the second refold reuses the screening)', () => {
    const register = createUnitRegister(BENCH_CONTEXT)
    register.ingest(withoutEarly.slice(0, 50_000))
    register.ingest(withoutEarly.slice(50_000))
    register.ingest([early])
  })
})
