import { describe, expect, it } from 'vitest'
import { documentCopyKey, normaliseDocText } from '../../../src/registers/carrier/document-keys.ts'
import { openAnomalies } from '../../../src/registers/carrier/queries.ts'
import {
  check,
  copyPayload,
  fold,
  local,
  refusal,
  refusedCodes,
  registration,
  signed,
  T,
} from '../../support/fixtures.ts'

const at = { at: local('2026-03-02T08:00') }
const first = signed('carrier.registered', registration(), at)
const again = (overrides: Parameters<typeof registration>[0] = {}) =>
  registration({ serial: '2026-0002', copies: [{ id: 'c9', copyNumber: 1 }], ...overrides })

describe('duplicate registrations (rules C-01, C-02)', () => {
  it('rules C-01, C-02: the same issuer, 文号 and 份号 is one key whatever the width, spaces, case and brackets', () => {
    const plain = documentCopyKey('县委办公室', '县委办〔2026〕3号', 1)
    for (const [issuer, doc] of [
      ['县委办公室', '县委办[2026]3号'],
      ['县委办公室 ', '县委办【2026】3号'],
      ['县委办公室', '县委办（２０２６）３号'],
      ['县委　办公室', '县委办 (2026) 3 号'],
      ['县委办公室', '县委办［2026］3号'],
    ] as const)
      expect(documentCopyKey(issuer, doc, 1)).toBe(plain)
    expect(normaliseDocText('ＸＢ-1')).toBe(normaliseDocText('xb-1'))
    expect(documentCopyKey('县委办公室', '县委办〔2026〕3号', 2)).not.toBe(plain)
    expect(documentCopyKey('县政府办公室', '县委办〔2026〕3号', 1)).not.toBe(plain)
    expect(documentCopyKey('县委办公室', '县委办〔2026〕4号', 1)).not.toBe(plain)
  })

  it('rule C-01: checkEvent refuses the same copy registered again, naming the earlier serial', () => {
    const r = check([first], 'carrier.registered', again({ docNumber: '县委办[2026]3号' }), { at: T.morning })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('C-01')
    expect(!r.ok && r.error.message.zh).toContain('登记编号 2026-0001')
    expect(!r.ok && r.error.details).toMatchObject({ earlierSerial: '2026-0001', carrierId: 'c9' })
    // Another copy number of the same document, or the same number of another document, is new.
    expect(
      refusal(
        check([first], 'carrier.registered', again({ copies: [{ id: 'c9', copyNumber: 2 }] }), {
          at: T.morning,
        }),
      ),
    ).toBeNull()
    expect(
      refusal(
        check([first], 'carrier.registered', again({ docNumber: '县委办〔2026〕4号' }), { at: T.morning }),
      ),
    ).toBeNull()
  })

  it('rules C-01, C-02: two copies with one number in one registration are refused, 秘密 included', () => {
    const twice = again({
      level: 'confidential',
      title: '关于某事',
      copies: [
        { id: 'c8', copyNumber: 3 },
        { id: 'c9', copyNumber: 3 },
      ],
    })
    expect(refusal(check([], 'carrier.registered', twice, { at: T.morning }))).toBe('C-01')
    // 机密: C-02 already refuses it, with its own message.
    const secret = again({
      copies: [
        { id: 'c8', copyNumber: 3 },
        { id: 'c9', copyNumber: 3 },
      ],
    })
    expect(refusal(check([], 'carrier.registered', secret, { at: T.morning }))).toBe('C-02')
  })

  it('rules C-01, C-02 reading: unnumbered copies (秘密, no 份号) and documents without 文号 are never duplicates', () => {
    const unnumbered = (id: string, serial: string) =>
      registration({ level: 'confidential', title: '关于某事', serial, copies: [{ id, copyNumber: null }] })
    const one = signed('carrier.registered', unnumbered('c1', '2026-0001'), at)
    expect(
      refusal(check([one], 'carrier.registered', unnumbered('c2', '2026-0002'), { at: T.morning })),
    ).toBeNull()
    expect(documentCopyKey('县委办公室', '', 1)).toBeNull()
    const noDoc = signed('carrier.registered', registration({ docNumber: '' }), at)
    expect(
      refusal(check([noDoc], 'carrier.registered', again({ docNumber: ' ' }), { at: T.morning })),
    ).toBeNull()
  })

  it('rules C-01, C-02: in merged histories the second registration stays visible as an anomaly, resolved with a note', () => {
    const twin = signed('carrier.registered', again({ docNumber: '县委办【2026】3号' }), {
      at: T.morning,
      device: 'pc2',
    })
    const state = fold([first, twin])
    expect(refusedCodes(state)).toEqual([])
    expect(state.carriers.has('c1') && state.carriers.has('c9')).toBe(true)
    expect(openAnomalies(state)).toEqual([
      expect.objectContaining({
        id: `duplicate_copy:${twin.id}`,
        kind: 'duplicate_copy',
        carrierId: 'c9',
        eventIds: [first.id, twin.id],
      }),
    ])
    const resolve = signed(
      'anomaly.resolved',
      { anomalyId: `duplicate_copy:${twin.id}`, note: '同一份文件两台电脑重复登记，以 2026-0001 为准' },
      { at: T.noon },
    )
    expect(openAnomalies(fold([first, twin, resolve]))).toEqual([])
  })

  it('rules C-01, C-02: a copy made here whose 份号 is already registered for the document is a duplicate too', () => {
    const copy = signed('carrier.copied', copyPayload('c1', [{ id: 'k1', copyNumber: 1 }]), { at: T.morning })
    expect(openAnomalies(fold([first, copy]))).toEqual([
      expect.objectContaining({ kind: 'duplicate_copy', carrierId: 'k1', eventIds: [first.id, copy.id] }),
    ])
  })
})
