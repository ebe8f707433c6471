import { describe, expect, it } from 'vitest'
import type { Level } from '../../../src/core/levels.ts'
import { openAnomalies } from '../../../src/registers/carrier/queries.ts'
import { fold, local, refusedCodes, registration, signed, T } from '../../support/fixtures.ts'

/** rule C-05 as 000 文件资料收发 一3 reads: 机密 and 绝密 carriers never stay outside overnight. */

const registeredAs = (level: Level) =>
  signed(
    'carrier.registered',
    registration({
      level,
      title: level === 'secret' || level === 'top_secret' ? '关于＊＊＊' : '关于某事的通知',
    }),
    { at: local('2026-03-02T08:40') },
  )
const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.noon })
const takeBack = (at: number) =>
  signed('carrier.taken_back', { carrierId: 'c1', handOutId: handOut.id }, { at })

describe('overnight absence (rule C-05, 000 文件资料收发 一3)', () => {
  it('C-05 a 机密 or 绝密 carrier taken back on a later day opens an overnight anomaly naming the hand-out and the return', () => {
    for (const level of ['secret', 'top_secret'] as const) {
      const back = takeBack(T.tuesday)
      const state = fold([registeredAs(level), handOut, back])
      expect(refusedCodes(state)).toEqual([])
      expect(state.carriers.get('c1')?.state).toBe('in_custody')
      expect(openAnomalies(state)).toEqual([
        expect.objectContaining({
          id: `overnight:${handOut.id}`,
          kind: 'overnight',
          carrierId: 'c1',
          eventIds: [handOut.id, back.id],
          openedAt: T.tuesday,
        }),
      ])
    }
  })

  it('C-05 a return the same day, even after closing, is no overnight absence; a 秘密 carrier out overnight is only overdue', () => {
    expect(openAnomalies(fold([registeredAs('secret'), handOut, takeBack(T.evening)]))).toEqual([])
    expect(openAnomalies(fold([registeredAs('confidential'), handOut, takeBack(T.tuesday)]))).toEqual([])
    // Just past midnight is the next day.
    expect(openAnomalies(fold([registeredAs('secret'), handOut, takeBack(T.midnight)]))).toHaveLength(1)
  })

  it('C-05 the overnight anomaly is closed only by a resolution note', () => {
    const resolved = signed(
      'anomaly.resolved',
      { anomalyId: `overnight:${handOut.id}`, note: '借阅人出差未及时交回，已批评教育并登记' },
      { at: local('2026-03-03T11:00') },
    )
    const state = fold([registeredAs('secret'), handOut, takeBack(T.tuesday), resolved])
    expect(refusedCodes(state)).toEqual([])
    expect(openAnomalies(state)).toEqual([])
    expect(state.anomalies[0]).toMatchObject({
      kind: 'overnight',
      note: '借阅人出差未及时交回，已批评教育并登记',
    })
  })
})
