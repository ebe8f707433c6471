import { generateSigningKeyPair, verifyEventSignature } from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import { createEventVerifier } from '../src/sync/event-verifier.ts'
import { signed } from './support/events.ts'

const officer = generateSigningKeyPair()
const other = generateSigningKeyPair()

function handOut(reader = '甲') {
  return signed(
    {
      unit: 'town-1',
      type: 'carrier.handed_out',
      actor: 'officer1',
      payload: { carrierId: 'town-1-0001-1', reader },
    },
    officer.secretKey,
  )
}

describe('server signature check (ARCHITECTURE decision 3)', () => {
  it('agrees with the domain check on honest, tampered and misattributed events', () => {
    const honest = handOut()
    const cases = [
      [honest, officer.publicKey],
      [honest, other.publicKey],
      [{ ...honest, payload: { carrierId: 'town-1-0001-1', reader: '乙' } }, officer.publicKey],
      [{ ...honest, id: handOut('丙').id }, officer.publicKey],
      [{ ...honest, sig: handOut('丙').sig }, officer.publicKey],
      [{ ...honest, sig: 'zz' }, officer.publicKey],
      [honest, 'not-a-key'],
      [honest, '0'.repeat(64)],
    ] as const
    const verify = createEventVerifier()
    const verdicts = cases.map(([event, key]) => verify(event, key))
    expect(verdicts).toEqual(cases.map(([event, key]) => verifyEventSignature(event, key)))
    expect(verdicts).toEqual([true, false, false, false, false, false, false, false])
  })

  it('trusts the events a doc was loaded with (checked when ingested), by identity only', () => {
    const forged = { ...handOut(), sig: handOut('丙').sig }
    const verify = createEventVerifier([forged])
    expect(verify(forged, officer.publicKey)).toBe(true)
    // An equal object that did not come from storage is checked.
    expect(verify({ ...forged }, officer.publicKey)).toBe(false)
  })

  it('a verdict holds for the key it was checked against only', () => {
    const honest = handOut()
    const verify = createEventVerifier()
    expect(verify(honest, officer.publicKey)).toBe(true)
    expect(verify(honest, other.publicKey)).toBe(false)
    expect(verify(honest, officer.publicKey)).toBe(true)
  })
})
