import { describe, expect, it } from 'vitest'
import { AckLedger } from '../src/sync/ack-ledger.ts'

describe('AckLedger (contract: ACK n counts data-carrying messages from 1)', () => {
  it('numbers data messages from 1 and releases the events of the acknowledged one only', () => {
    const ledger = new AckLedger()
    expect(ledger.recordSent(['a', 'b'])).toBe(1)
    expect(ledger.recordSent([])).toBe(2)
    expect(ledger.recordSent(['c'])).toBe(3)
    expect(ledger.acknowledge(3)).toEqual(['c'])
    expect(ledger.acknowledge(1)).toEqual(['a', 'b'])
    expect(ledger.pendingMessages).toBe(1)
  })

  it('ignores a repeated or unknown ACK', () => {
    const ledger = new AckLedger()
    ledger.recordSent(['a'])
    expect(ledger.acknowledge(1)).toEqual(['a'])
    expect(ledger.acknowledge(1)).toEqual([])
    expect(ledger.acknowledge(7)).toEqual([])
  })

  it('a refused message is forgotten and never acknowledges its events', () => {
    const ledger = new AckLedger()
    ledger.recordSent(['bad'], 'step2')
    ledger.recordSent(['good'])
    expect(ledger.refuse(1)).toEqual({ eventIds: ['bad'], kind: 'step2' })
    expect(ledger.refuse(9)).toBeNull()
    expect(ledger.acknowledge(1)).toEqual([])
    expect(ledger.acknowledge(2)).toEqual(['good'])
  })

  it('a new connection counts from 1 again', () => {
    const ledger = new AckLedger()
    ledger.recordSent(['a'])
    ledger.reset()
    expect(ledger.acknowledge(1)).toEqual([])
    expect(ledger.recordSent(['b'])).toBe(1)
  })
})
