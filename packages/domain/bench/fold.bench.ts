import { bench, describe } from 'vitest'
import { BENCH_CONTEXT, mixedEvents } from './mixed-events.ts'
import { shippedUnitFold } from './shipped-domain.ts'

const { createUnitRegister, foldUnitRegister } = await shippedUnitFold()

// Budget (ARCHITECTURE): fold of 100,000 events on one core ≤ 300 ms, signature checks excluded
// (`verify: () => true`; ids are real content hashes, computed once here in setup).
const events = mixedEvents(100_000)
const reversed = events.slice().reverse()
const head = events.slice(0, 99_000)
const tail = events.slice(99_000)
const early = events[10] as (typeof events)[number]
const withoutEarly = events.filter((e) => e !== early)
// An offline device's history arriving late: each iteration ingests one of these, 1,000 to 3,300
// events (5 to 15 working days) back from the end of the log, into a register built untimed (setup).
const lateOnes = Array.from({ length: 24 }, (_, j) => events[99_000 - 100 * j] as (typeof events)[number])
const onTime = events.filter((e) => !lateOnes.includes(e))
let lateRegister = createUnitRegister(BENCH_CONTEXT)
let nextLate = 0

// A fold takes ~0.3 s: tinybench's default warm-up (100 ms) is one call, which left the first bench
// measuring the JIT and the collection of the setup's garbage rather than the fold.
const STEADY = { warmupIterations: 3, iterations: 10 }

describe('carrier register fold', () => {
  bench(
    'fold 100,000 mixed events (in order)',
    () => {
      foldUnitRegister(events, BENCH_CONTEXT)
    },
    STEADY,
  )

  bench(
    'fold 100,000 mixed events (reversed input: sort first)',
    () => {
      foldUnitRegister(reversed, BENCH_CONTEXT)
    },
    STEADY,
  )

  bench(
    'ingest the last 1,000 events 10 at a time into a 99,000-event register (incl. its first fold)',
    () => {
      const register = createUnitRegister(BENCH_CONTEXT)
      register.ingest(head)
      for (let i = 0; i < tail.length; i += 10) register.ingest(tail.slice(i, i + 10))
    },
  )

  bench(
    'one late event into a 100,000-event register: refold from a checkpoint',
    () => {
      const event = lateOnes[nextLate++]
      if (event === undefined) throw new Error('more iterations than late events')
      lateRegister.ingest([event])
    },
    {
      // tinybench calls the function once more before each phase; 1 + 3 and 1 + 20 ≤ 24 late events.
      time: 0,
      iterations: 20,
      warmupTime: 0,
      warmupIterations: 3,
      setup() {
        lateRegister = createUnitRegister(BENCH_CONTEXT)
        lateRegister.ingest(onTime)
        nextLate = 0
      },
    },
  )

  bench('two late events: refold of 100,000 (the second refold reuses the screening)', () => {
    const register = createUnitRegister(BENCH_CONTEXT)
    register.ingest(withoutEarly.slice(0, 50_000))
    register.ingest(withoutEarly.slice(50_000))
    register.ingest([early])
  })
})
