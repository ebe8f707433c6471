import { describe, expect, it } from 'vitest'
import type { Incident, IncidentState, MissingItem } from '../../../src/registers/incident/state.ts'
import { local } from '../../support/fixtures.ts'
import { codes, custodyBuilder, custodyContext, foldCustody, received } from './custody-fixtures.ts'

/** rule C-13 with X-02: which incident entries count as being about the carrier of an inventory gap. */

const I = local('2026-03-16T09:00')
const MIN = 60_000
const c1 = received('c1', '2026-0001', '2026-01-05')

const incident = (carrierRefs: string[], missingId: string | null = null) =>
  ({ carrierRefs, missingId }) as unknown as Incident
const missingItem = (carrierId: string) => ({ carrierId }) as unknown as MissingItem

const register: IncidentState = {
  incidents: new Map([
    ['inc-serial', incident(['2026-0001'])],
    ['inc-id', incident(['x', 'c1'])],
    ['inc-via-missing', incident([], 'mi-1')],
    ['inc-other', incident(['2026-0002', 'c2'], 'mi-2')],
    ['inc-none', incident([])],
  ]),
  missing: new Map([
    ['mi-1', missingItem('c1')],
    ['mi-2', missingItem('c2')],
  ]),
}

/** An inventory that leaves c1 unconfirmed, then a resolution as an incident with `ref`. */
function resolveWith(ref: string) {
  const ev = custodyBuilder()
  return foldCustody(
    [
      ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
      ev('custody.inventory_closed', { inventoryId: 'q1' }, I + MIN),
      ev(
        'custody.anomaly_resolved',
        { anomalyId: 'unconfirmed:e002:c1', resolution: 'incident', incidentRef: ref, note: '已报告' },
        I + 2 * MIN,
      ),
    ],
    custodyContext({ carriers: [c1], registers: { incident: register } }),
  )
}

describe('custody: resolving a gap as an incident (rules C-13, X-02)', () => {
  it('rule C-13: an incident naming the carrier by serial or by id, or through its missing item, is about it', () => {
    for (const ref of ['inc-serial', 'inc-id', 'inc-via-missing', 'mi-1']) {
      const fold = resolveWith(ref)
      expect(codes(fold)).toEqual([])
      expect(fold.state.anomalies.get('unconfirmed:e002:c1')).toMatchObject({
        resolution: 'incident',
        incidentRef: ref,
      })
    }
  })

  it('rule C-13: an entry about another carrier, about none, or unknown is refused and names the reference', () => {
    for (const ref of ['inc-other', 'inc-none', 'mi-2', 'nope']) {
      const fold = resolveWith(ref)
      expect(codes(fold)).toEqual(['C-13'])
      expect(fold.refused[0]?.error.details).toEqual({ anomalyId: 'unconfirmed:e002:c1', incidentRef: ref })
      expect(fold.refused[0]?.error.message.zh).toContain(`泄密事件登记中没有关于载体 c1 的记录 ${ref}`)
      expect(fold.refused[0]?.error.message.en).toContain(
        `The incident register has no entry ${ref} about carrier c1`,
      )
      expect(fold.state.anomalies.get('unconfirmed:e002:c1')?.resolvedAt).toBeNull()
    }
  })
})
