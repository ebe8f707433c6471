import { describe, expect, it } from 'vitest'
import type { Level } from '../../../src/core/levels.ts'
import {
  check,
  fold,
  local,
  makeContext,
  refusal,
  refusedCodes,
  registration,
  signed,
  T,
  copyPayload as validCopy,
} from '../../support/fixtures.ts'

const titleFor = (level: Level) =>
  level === 'top_secret' || level === 'secret' ? '关于＊＊＊' : '关于某事的通知'
const registeredAs = (level: Level, direction: 'received' | 'produced' = 'received') =>
  signed('carrier.registered', registration({ level, title: titleFor(level), direction }), {
    at: local('2026-03-02T08:00'),
  })
type CopyOverrides = Parameters<typeof validCopy>[2]
const copyPayload = (overrides: CopyOverrides = {}) =>
  validCopy('c1', [{ id: 'k1', copyNumber: 5 }], overrides)
const byUnitLeader = (approver: string) => ({
  approval: { authority: 'unit_leader' as const, approver, reference: '镇党委会议纪要〔2026〕2号' },
})
const early = local('2026-03-01T09:00')
const appoint = (post: string, userId: string) =>
  signed('organisation.post_assigned', { post, userId }, { at: early })
const copier = (overrides: Record<string, unknown> = {}) =>
  signed(
    'device.registered',
    {
      deviceId: 'fy-1',
      number: 'FY-01',
      kind: 'office_device',
      classified: true,
      level: 'secret',
      responsible: 'officer1',
      ...overrides,
    },
    { at: early },
  )
const atCopier = { place: { kind: 'unit_device' as const, deviceId: 'fy-1' } }

describe('copying (rule C-07)', () => {
  it('C-07 refuses copying a 绝密 carrier without the originating authority’s consent', () => {
    const r = check([registeredAs('top_secret')], 'carrier.copied', copyPayload(), { at: T.morning })
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'C-07',
        message: expect.objectContaining({ zh: '绝密载体未经原定密机关同意不得复制（规则 C-07）' }),
      }),
    })
    expect(
      refusedCodes(
        fold([registeredAs('top_secret'), signed('carrier.copied', copyPayload(), { at: T.morning })]),
      ),
    ).toEqual(['C-07'])
  })

  it('C-07 with the county’s consent policy a 绝密 copy needs the originating authority’s recorded consent', () => {
    const ctx = makeContext({}, { allowTopSecretCopyWithConsent: true })
    const consent = copyPayload({
      approval: { authority: 'originating_authority', approver: '县委保密委员会' },
    })
    expect(
      refusal(check([registeredAs('top_secret')], 'carrier.copied', consent, { at: T.morning }, ctx)),
    ).toBeNull()
    // The issuing organ's approval is not the originating authority's consent; none at all neither.
    for (const payload of [copyPayload(), copyPayload({ approval: null })])
      expect(
        refusal(check([registeredAs('top_secret')], 'carrier.copied', payload, { at: T.morning }, ctx)),
      ).toBe('C-07')
  })

  it('C-07 机密 and 秘密 copies need a structured approval and a listed place; a free-text place is not accepted', () => {
    for (const level of ['secret', 'confidential'] as const) {
      const history = [registeredAs(level)]
      const at = { at: T.morning }
      expect(refusal(check(history, 'carrier.copied', copyPayload(), at))).toBeNull()
      expect(refusal(check(history, 'carrier.copied', copyPayload({ approval: null }), at))).toBe('C-07')
      // A public copy shop is not on the county's list; a place must be one of the two kinds, never text.
      const shop = copyPayload({ place: { kind: 'licensed_point', pointId: 'copy-shop-9' } })
      expect(check(history, 'carrier.copied', shop, at)).toMatchObject({
        ok: false,
        error: { code: 'C-07', details: { pointId: 'copy-shop-9' } },
      })
      const { place: _omitted, ...placeless } = copyPayload()
      expect(refusal(check(history, 'carrier.copied', placeless, at))).toBe('C-07')
      expect(refusal(check(history, 'carrier.copied', { ...copyPayload(), place: '街口复印店' }, at))).toBe(
        'EVT-MALFORMED',
      )
      expect(refusal(check(history, 'carrier.copied', { ...copyPayload(), approvalRef: '批1' }, at))).toBe(
        'S-01',
      )
      // The approval carries who, which decision and when: an empty approver or reference is refused.
      expect(
        refusal(check(history, 'carrier.copied', copyPayload({ approval: { approver: ' ' } }), at)),
      ).toBe('EVT-MALFORMED')
      expect(
        refusal(check(history, 'carrier.copied', copyPayload({ approval: { reference: '' } }), at)),
      ).toBe('EVT-MALFORMED')
      // An impossible day is an error, not rolled over; an approval dated after the copying is refused.
      expect(
        refusal(
          check(history, 'carrier.copied', copyPayload({ approval: { approvedOn: '2026-02-30' } }), at),
        ),
      ).toBe('EVT-MALFORMED')
      expect(
        refusal(
          check(history, 'carrier.copied', copyPayload({ approval: { approvedOn: '2026-03-03' } }), at),
        ),
      ).toBe('C-07')
    }
  })

  it('C-07 received documents: the issuing organ or the superior approves; this unit’s leader only where the county allows it', () => {
    const history = [appoint('responsible_leader', 'leader1'), registeredAs('secret')]
    const at = { at: T.morning }
    const superior = copyPayload({ approval: { authority: 'superior', approver: '县委办公室' } })
    expect(refusal(check(history, 'carrier.copied', superior, at))).toBeNull()
    const leader = copyPayload(byUnitLeader('leader1'))
    expect(refusal(check(history, 'carrier.copied', leader, at))).toBe('C-07')
    const allowing = makeContext({}, { acceptUnitLeaderCopyApproval: true })
    expect(refusal(check(history, 'carrier.copied', leader, at, allowing))).toBeNull()
  })

  it('rules C-07, B-04: the unit’s own documents are approved by its main leader, read from the organisation register', () => {
    const own = registeredAs('secret', 'produced')
    const at = { at: T.morning }
    const leader = copyPayload(byUnitLeader('leader1'))
    // leader1 holds no post yet: the payload cannot make them main leader.
    expect(check([own], 'carrier.copied', leader, at)).toMatchObject({
      ok: false,
      error: { code: 'C-07', details: { approver: 'leader1', posts: ['first_responsible'] } },
    })
    expect(
      refusal(check([appoint('first_responsible', 'leader1'), own], 'carrier.copied', leader, at)),
    ).toBeNull()
    // The 分管领导 is not the main leader; the issuing organ's approval does not stand for the unit's own.
    expect(
      refusal(check([appoint('responsible_leader', 'leader1'), own], 'carrier.copied', leader, at)),
    ).toBe('C-07')
    expect(
      refusal(check([appoint('first_responsible', 'leader1'), own], 'carrier.copied', copyPayload(), at)),
    ).toBe('C-07')
  })

  it('rules C-07, B-04 four eyes: the main leader who records the copy as officer cannot also approve it', () => {
    const history = [appoint('first_responsible', 'chief1'), registeredAs('secret', 'produced')]
    const own = copyPayload(byUnitLeader('chief1'))
    const r = check(history, 'carrier.copied', own, { at: T.morning, actor: 'chief1' })
    expect(r).toMatchObject({ ok: false, error: { code: 'C-07', details: { person: 'chief1' } } })
    expect(refusal(check(history, 'carrier.copied', own, { at: T.morning, actor: 'officer1' }))).toBeNull()
    const folded = fold([...history, signed('carrier.copied', own, { at: T.morning, actor: 'chief1' })])
    expect(refusedCodes(folded)).toEqual(['C-07'])
    expect(folded.carriers.has('k1')).toBe(false)
  })

  it('rules C-07, M-07: the unit’s copier is a classified office device of the computer register, in use', () => {
    const at = { at: T.morning }
    const onCopier = copyPayload(atCopier)
    expect(refusal(check([copier(), registeredAs('secret')], 'carrier.copied', onCopier, at))).toBeNull()
    expect(refusal(check([registeredAs('secret')], 'carrier.copied', onCopier, at))).toBe('C-07')
    const computer = copier({ kind: 'computer' })
    expect(refusal(check([computer, registeredAs('secret')], 'carrier.copied', onCopier, at))).toBe('C-07')
    const plain = copier({ classified: false, level: null })
    expect(refusal(check([plain, registeredAs('secret')], 'carrier.copied', onCopier, at))).toBe('C-07')
  })

  it('C-07 lower levels are copied without an approval or a recorded place', () => {
    const history = [registeredAs('work_secret')]
    const { place: _omitted, ...bare } = copyPayload({ approval: null })
    expect(refusal(check(history, 'carrier.copied', bare, { at: T.morning }))).toBeNull()
  })

  it('C-07 a copy is a new carrier linked to its original with its level, period, scope, number and title', () => {
    const original = registeredAs('secret')
    const first = signed('carrier.copied', copyPayload(), { at: T.morning })
    const second = signed(
      'carrier.copied',
      {
        ...copyPayload(),
        copies: [
          { id: 'k2', copyNumber: 6 },
          { id: 'k3', copyNumber: 7 },
        ],
      },
      { at: T.noon },
    )
    const state = fold([original, first, second])
    const source = state.carriers.get('c1')
    const copy = state.carriers.get('k1')
    expect(copy).toMatchObject({
      id: 'k1',
      serial: '2026-0001-F1',
      originalId: 'c1',
      copyNumber: 5,
      level: source?.level,
      periodYears: source?.periodYears,
      scope: source?.scope,
      docNumber: source?.docNumber,
      title: source?.title,
      issuer: source?.issuer,
      registeredAt: T.morning,
      state: 'in_custody',
      holders: [],
      createdBy: first.id,
    })
    expect(state.carriers.get('k3')?.serial).toBe('2026-0001-F3')
    expect(state.carriers.get('k2')?.serial).toBe('2026-0001-F2')
    // the original keeps its entry and custody; it records when it was last copied (rule C-16)
    expect(source).toEqual({
      ...fold([original]).carriers.get('c1'),
      lastCopiedAt: T.noon,
      updatedAt: T.noon,
      lastEventId: second.id,
    })
  })

  it('C-07 refuses copying a destroyed carrier, an unknown one, or onto an existing id', () => {
    const original = registeredAs('secret')
    const approval = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c1'] },
      { at: T.morning },
    )
    const destroyed = signed(
      'carrier.destroyed',
      { carrierIds: ['c1'], approvalId: approval.id, method: 'central', receiptNumber: 'XB-1' },
      { at: T.noon },
    )
    expect(
      refusal(check([original, approval, destroyed], 'carrier.copied', copyPayload(), { at: T.close })),
    ).toBe('C-07')
    expect(
      refusal(check([original], 'carrier.copied', { ...copyPayload(), originalId: 'zz' }, { at: T.close })),
    ).toBe('CARRIER-UNKNOWN')
    const onto = { ...copyPayload(), copies: [{ id: 'c1', copyNumber: 9 }] }
    expect(refusal(check([original], 'carrier.copied', onto, { at: T.close }))).toBe('CARRIER-EXISTS')
  })

  it('C-02 copies of 机密 carriers need distinct positive copy numbers', () => {
    const noNumber = { ...copyPayload(), copies: [{ id: 'k1', copyNumber: null }] }
    expect(refusal(check([registeredAs('secret')], 'carrier.copied', noNumber, { at: T.morning }))).toBe(
      'C-02',
    )
  })
})
