import { describe, expect, it } from 'vitest'
import {
  checkCentralUnclassified,
  isCentralIssuer,
} from '../../../src/registers/carrier/central-documents.ts'
import type { CarrierRegistered } from '../../../src/registers/carrier/events.ts'
import {
  check,
  copyPayload,
  fold,
  local,
  refusal,
  refusedCodes,
  registration,
  signed,
} from '../../support/fixtures.ts'

/** rule C-18: unclassified 中共中央 documents are kept as classified. */

const at = local('2026-03-02T09:00')
const central = registration({
  issuer: '中共中央办公厅',
  level: 'internal',
  periodYears: null,
  title: '关于加强某项工作的意见',
  copies: [{ id: 'c1', copyNumber: null }],
})

describe('rule C-18: central unclassified documents kept as classified', () => {
  it('refuses an unclassified 中共中央 document registered as ordinary, accepts it marked kept-as-classified', () => {
    expect(refusal(check([], 'carrier.registered', central, { at }))).toBe('C-18')
    const marked = { ...central, centralUnclassified: true }
    expect(refusal(check([], 'carrier.registered', marked, { at }))).toBeNull()
    const state = fold([signed('carrier.registered', marked, { at })])
    expect(state.carriers.get('c1')).toMatchObject({ level: 'internal', keptAsClassified: true })
  })

  it('refuses the mark on a document with a level (managed at its level) or from another issuer', () => {
    const secret = { ...central, level: 'confidential' as const, centralUnclassified: true }
    expect(refusal(check([], 'carrier.registered', secret, { at }))).toBe('C-18')
    const county = { ...central, issuer: '县委办公室', centralUnclassified: true }
    expect(refusal(check([], 'carrier.registered', county, { at }))).toBe('C-18')
    const ordinary = { ...central, issuer: '县委办公室' }
    expect(refusal(check([], 'carrier.registered', ordinary, { at }))).toBeNull()
    const classifiedCentral = { ...central, level: 'confidential' as const }
    expect(refusal(check([], 'carrier.registered', classifiedCentral, { at }))).toBeNull()
  })

  it('copies it only with a recorded approval on the designated copier, like a 秘密 carrier (C-07)', () => {
    const r = signed('carrier.registered', { ...central, centralUnclassified: true }, { at })
    const copy = (approved: boolean, place: 'listed' | 'shop' = 'listed') =>
      signed(
        'carrier.copied',
        copyPayload('c1', [{ id: 'c1f', copyNumber: null }], {
          ...(approved ? {} : { approval: null }),
          ...(place === 'shop' ? { place: { kind: 'licensed_point' as const, pointId: 'copy-shop' } } : {}),
        }),
        { at: at + 60_000 },
      )
    expect(refusedCodes(fold([r, copy(false)]))).toEqual(['C-07'])
    expect(refusedCodes(fold([r, copy(true, 'shop')]))).toEqual(['C-07'])
    const copied = fold([r, copy(true)])
    expect(refusedCodes(copied)).toEqual([])
    expect(copied.carriers.get('c1f')?.keptAsClassified).toBe(true)
    const ordinary = signed('carrier.registered', { ...central, issuer: '县委办公室' }, { at })
    expect(refusedCodes(fold([ordinary, copy(false, 'shop')]))).toEqual([])
  })
})

describe('rule C-18: the check itself', () => {
  const payload = (overrides: Partial<CarrierRegistered>): CarrierRegistered =>
    ({ ...central, ...overrides }) as CarrierRegistered

  it('rule C-18: an unmarked central document names its issuer; 中央… issuers count as central', () => {
    for (const issuer of ['中共中央办公厅', '中央办公厅', ' 中央机要局']) {
      const error = checkCentralUnclassified(payload({ issuer }))
      expect(error?.code).toBe('C-18')
      expect(error?.message.zh).toContain('勾选“作密件保管”')
      expect(error?.details).toEqual({ issuer })
      expect(isCentralIssuer(issuer)).toBe(true)
    }
    expect(isCentralIssuer('县委办公室（转发中共中央文件）')).toBe(false)
  })

  it('rule C-18: the mark is refused on a classified document and on another issuer, each with its reason', () => {
    const classified = checkCentralUnclassified(payload({ level: 'secret', centralUnclassified: true }))
    expect(classified?.message.zh).toContain('已标密级的文件按其密级管理')
    const county = checkCentralUnclassified(payload({ issuer: '县委办公室', centralUnclassified: true }))
    expect(county?.message.zh).toContain('只有中共中央的非涉密文件')
    expect(checkCentralUnclassified(payload({ centralUnclassified: true }))).toBeNull()
    // An explicit "not marked" is no mark: the central document is still refused.
    expect(checkCentralUnclassified(payload({ centralUnclassified: false }))?.code).toBe('C-18')
    expect(checkCentralUnclassified(payload({ issuer: '县委办公室', centralUnclassified: false }))).toBeNull()
  })
})
