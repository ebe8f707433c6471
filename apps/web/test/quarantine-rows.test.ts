import { formatHlc, signEvent } from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import type { QuarantineRow } from '../src/db/secledger-db.ts'
import { quarantineLines } from '../src/register/quarantine-rows.ts'
import { makeUser, UNIT, WORKDAY_10AM } from './fixtures.ts'

const officer = makeUser('officer1', ['officer'])
const refusal = { code: 'SYNC-BAD-EVENT', message: { zh: '同步被拒绝：记录的签名或权限无效', en: 'bad' } }

function quarantined(
  type: 'carrier.registered' | 'carrier.handed_out',
  payload: object,
  refusedAt: number,
): QuarantineRow {
  const envelope = signEvent(
    {
      unit: UNIT,
      type,
      payload,
      actor: officer.id,
      device: 'dev-test-0001',
      at: formatHlc({ wallMs: WORKDAY_10AM, counter: 0, node: 'dev-test-0001' }),
    },
    officer.secretKey,
  )
  return { id: envelope.id, unit: UNIT, envelope, error: refusal, createdAt: WORKDAY_10AM, refusedAt }
}

describe('被拒绝的记录 (refused events kept and shown, ARCHITECTURE 5)', () => {
  it('names what each refused event was about and why, newest refusal first', () => {
    const registered = quarantined(
      'carrier.registered',
      { serial: '2026-0007', docNumber: '县委发〔2026〕7号', copies: [] },
      WORKDAY_10AM + 1000,
    )
    const handedOut = quarantined(
      'carrier.handed_out',
      { carrierId: 'c-unknown', reader: '张三' },
      WORKDAY_10AM + 2000,
    )
    const lines = quarantineLines([registered, handedOut], null)
    expect(lines.map((l) => [l.type, l.subject])).toEqual([
      ['carrier.handed_out', 'c-unknown'],
      ['carrier.registered', '2026-0007 · 县委发〔2026〕7号'],
    ])
    expect(lines[0]?.writtenAt).toBe(WORKDAY_10AM)
    expect(lines[0]?.error.message.zh).toBe('同步被拒绝：记录的签名或权限无效')
  })
})
