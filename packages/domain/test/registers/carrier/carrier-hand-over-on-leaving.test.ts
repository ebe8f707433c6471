import { describe, expect, it } from 'vitest'
import { carriersHeldBy } from '../../../src/core/carrier-holdings.ts'
import { DEFAULT_PERSONNEL_POLICY } from '../../../src/registers/personnel/policy.ts'
import { carrierFixture, contextWithView, refusalCodes, testUnitView } from '../../support/slice-fold.ts'
import { fold, leaving, local, onboarding, withPosts } from '../personnel/personnel-fold.ts'

/** rule C-12 inside the unit fold: the attestation is checked against what the registers show held. */

const T = local('2026-03-02T08:00')
const L = local('2026-06-01T09:00')
const handOut = (reader: string) => ({ id: 'h1', reader, handedOutAt: T, dueAt: T + 3_600_000 })

function leaveWith(view: ReturnType<typeof testUnitView>) {
  // The 分管领导 who approves (P-04) is read from the organisation register, through the same view.
  const posts = withPosts()
  return fold(
    [...onboarding('p1', T), ...leaving('p1', L)],
    DEFAULT_PERSONNEL_POLICY,
    contextWithView({ ...view, postsOf: (u) => posts.view?.postsOf(u) ?? [] }, posts),
  )
}

describe('rule C-12: hand over every carrier before leaving the post', () => {
  it('refuses leaving while the carrier register shows a carrier still handed out to the person (by id or name)', () => {
    for (const reader of ['p1', '姓名p1']) {
      const view = testUnitView({ carriers: [carrierFixture({ state: 'out', holders: [handOut(reader)] })] })
      const f = leaveWith(view)
      expect(refusalCodes(f)).toEqual(['C-12'])
      expect(f.refused[0]?.error.details).toMatchObject({ carrierIds: ['c1'] })
      expect(f.state.persons.get('p1')?.post).not.toBeNull()
    }
  })

  it('refuses leaving while another register holds a carrier away with the person (a loan, a trip)', () => {
    const view = testUnitView({
      carriers: [carrierFixture()],
      away: { c1: { code: 'C-08', zh: '已携带外出', en: 'Carried out', holder: 'p1', since: T } },
    })
    expect(refusalCodes(leaveWith(view))).toEqual(['C-12'])
  })

  it('allows leaving when nothing is held by the person: other readers, destroyed carriers, away with others', () => {
    const view = testUnitView({
      carriers: [
        carrierFixture({ id: 'c1', state: 'out', holders: [handOut('p2')] }),
        carrierFixture({ id: 'c2', state: 'destroyed', holders: [handOut('p1')] }),
        carrierFixture({ id: 'c3' }),
      ],
      away: { c3: { code: 'C-06', zh: '已借出', en: 'Lent out', holder: '县档案馆', since: T } },
    })
    const f = leaveWith(view)
    expect(f.refused).toEqual([])
    expect(f.state.persons.get('p1')?.post).toBeNull()
  })
})

describe('rule C-12: the carriers a person holds, across registers', () => {
  it('rule C-12: by hand-out or by a register holding it away, by id or by name, in id order', () => {
    const away = (holder: string) => ({ code: 'C-08', zh: '已携带外出', en: 'Carried out', holder, since: T })
    const view = testUnitView({
      carriers: [
        carrierFixture({ id: 'c5', state: 'out', holders: [handOut('姓名p1')] }),
        carrierFixture({ id: 'c4' }),
        carrierFixture({ id: 'c3' }),
        carrierFixture({ id: 'c2', state: 'out', holders: [handOut('p2')] }),
        carrierFixture({ id: 'c1' }),
      ],
      away: { c4: away('姓名p1'), c3: away('p1'), c1: away('县档案馆') },
    })
    expect(carriersHeldBy(view, 'p1', '姓名p1')).toEqual(['c3', 'c4', 'c5'])
    expect(carriersHeldBy(view, 'p2', '姓名p2')).toEqual(['c2'])
    expect(carriersHeldBy(view, 'p3', '姓名p3')).toEqual([])
  })

  it('rule C-12: each bearer of a trip carried by two holds its carriers; the joined holder text is no person', () => {
    const view = testUnitView({
      carriers: [carrierFixture({ id: 'c1' })],
      away: {
        c1: {
          code: 'C-08',
          zh: '已携带外出',
          en: 'Carried out',
          holder: 'p1、p2',
          persons: ['p1', 'p2'],
          since: T,
        },
      },
    })
    expect(carriersHeldBy(view, 'p1', '姓名p1')).toEqual(['c1'])
    expect(carriersHeldBy(view, 'p3', '姓名p2')).toEqual([])
    expect(carriersHeldBy(view, 'x', 'p2')).toEqual(['c1'])
    expect(carriersHeldBy(view, 'p1、p2', '')).toEqual([])
    expect(refusalCodes(leaveWith(view))).toEqual(['C-12'])
  })
})
