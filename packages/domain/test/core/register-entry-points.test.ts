import { describe, expect, it } from 'vitest'
import { DEFAULT_UNIT_POLICY } from '../../src/unit/policy.ts'
import { composeSlices } from '../../src/unit/slices.ts'

/** Each composed register has an entry point `@secledger/domain/registers/<name>` exporting its slice. */
describe('register entry points', () => {
  it.each(composeSlices(DEFAULT_UNIT_POLICY).names)(
    'registers/%s exports its slice, events and policy',
    async (name) => {
      const entry: Record<string, unknown> = await import(`../../src/registers/${name}/index.ts`)
      const factory = Object.entries(entry).find(([key]) => /^create[A-Z]\w*Slice$/.test(key))?.[1]
      if (typeof factory !== 'function') throw new Error(`registers/${name} exports no slice factory`)
      const slice = (factory as () => { name: string; events: object })()
      expect(slice.name).toBe(name)
      expect(Object.keys(slice.events).length).toBeGreaterThan(0)
      expect(Object.keys(entry).some((key) => /^DEFAULT_[A-Z_]+_POLICY$/.test(key))).toBe(true)
    },
  )
})

/** The carrier register is folded by the unit itself (unit/unit-fold.ts), not as a slice; its entry holds the rest. */
describe('the carrier register entry point', () => {
  it('rules C-01, C-11: registers/carrier exports its events, policy and queries, re-exported by the package root', async () => {
    const entry: Record<string, unknown> = await import('../../src/registers/carrier/index.ts')
    const root: Record<string, unknown> = await import('../../src/index.ts')
    for (const name of ['carrierEventSchemas', 'desensitizeTitle', 'nextSerial', 'AnomalyKind']) {
      expect(entry[name], name).toBeDefined()
      expect(root[name], name).toBe(entry[name])
    }
  })
})
