import { describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import { carrierHoldings, unitClosureStatus } from '../../src/unit/unit-holdings.ts'
import { registration, signed } from '../support/fixtures.ts'
import { at, organisationPosts, validHistory } from './unit-agenda-fixtures.ts'

/** rules C-12 and C-17 asked of the whole unit, as the hand-over page asks them. */

const twoCopies = signed(
  'carrier.registered',
  registration({
    copies: [
      { id: 'c1', copyNumber: 1 },
      { id: 'c2', copyNumber: 2 },
      { id: 'c3', copyNumber: 3 },
    ],
  }),
  { at: at('08:00') },
)

function tripOf(carrierIds: string[], bearers: string[]): EventEnvelope[] {
  const approval = signed(
    'movement.carry_out_approved',
    { carrierIds, abroad: false, foreignAffairs: false },
    { at: at('09:30'), actor: 'leader1' },
  )
  const trip = signed(
    'movement.carried_out',
    {
      tripId: 'T1',
      carrierIds,
      bearers,
      destination: '县委办公室',
      abroad: false,
      foreignAffairs: false,
      approvalId: approval.id,
      plannedReturnAt: at('16:00'),
    },
    { at: at('09:40') },
  )
  return [approval, trip]
}

/** A loan to another unit (C-06): the unit holds it, no person of this one. */
function loanOf(carrierId: string): EventEnvelope[] {
  const approval = signed(
    'movement.loan_out_approved',
    { carrierIds: [carrierId], borrower: '县农业农村局' },
    { at: at('09:50'), actor: 'leader1' },
  )
  const loan = signed(
    'movement.loaned_out',
    {
      loanId: 'L1',
      carrierIds: [carrierId],
      borrower: '县农业农村局',
      borrowerKind: 'unit',
      borrowerApprover: '赵局长',
      borrowerApprovalRef: '农借〔2026〕3号',
      approvalId: approval.id,
      dueAt: at('16:00'),
    },
    { at: at('10:00') },
  )
  return [approval, loan]
}

describe('rule C-12: who holds which carrier, across registers', () => {
  it('rule C-12: a hand-out names its reader and the hand-out to take back; each bearer of a trip holds its carriers', () => {
    const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: at('09:00') })
    const state = validHistory([
      ...organisationPosts(at('07:00')),
      twoCopies,
      handOut,
      ...tripOf(['c2'], ['officer1', '陈']),
      ...loanOf('c3'),
    ])
    expect(carrierHoldings(state)).toEqual([
      {
        carrierId: 'c2',
        serial: '2026-0001',
        person: 'officer1',
        rule: 'C-08',
        handOutId: null,
        since: at('09:40'),
      },
      {
        carrierId: 'c1',
        serial: '2026-0001',
        person: '刘',
        rule: 'C-04',
        handOutId: handOut.id,
        since: at('09:00'),
      },
      {
        carrierId: 'c2',
        serial: '2026-0001',
        person: '陈',
        rule: 'C-08',
        handOutId: null,
        since: at('09:40'),
      },
    ])
  })

  it('rule C-12: ordered by person, then serial, then carrier, in code-point order on every device', () => {
    const later = signed(
      'carrier.registered',
      registration({
        serial: '2026-0000',
        docNumber: '县委办〔2026〕5号',
        copies: [{ id: 'c0', copyNumber: 1 }],
      }),
      { at: at('08:05') },
    )
    const hand = (carrierId: string, reader: string, hhmm: string) =>
      signed('carrier.handed_out', { carrierId, reader }, { at: at(hhmm) })
    const state = validHistory([
      twoCopies,
      later,
      hand('c3', '刘', '09:00'),
      hand('c2', '刘', '09:01'),
      hand('c0', '刘', '09:02'),
      hand('c1', 'Zhao', '09:03'),
    ])
    expect(carrierHoldings(state).map((h) => `${h.person} ${h.serial} ${h.carrierId}`)).toEqual([
      'Zhao 2026-0001 c1',
      '刘 2026-0000 c0',
      '刘 2026-0001 c2',
      '刘 2026-0001 c3',
    ])
  })

  it('rule C-12: a carrier taken back or destroyed is held by no one; one in the cabinet never was', () => {
    const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: at('09:00') })
    const back = signed('carrier.taken_back', { carrierId: 'c1', handOutId: handOut.id }, { at: at('10:00') })
    expect(carrierHoldings(validHistory([twoCopies, handOut, back]))).toEqual([])
  })
})

describe('rule C-17: the closure checklist of the live unit', () => {
  it('rule C-17: before a closure nothing can close; declared, every carrier is left until handed over', () => {
    const open = validHistory([twoCopies])
    expect(unitClosureStatus(open)).toMatchObject({ closure: null, canClose: false })
    expect(unitClosureStatus(open).left.map((l) => l.carrierId)).toEqual(['c1', 'c2', 'c3'])

    const declared = signed(
      'custody.unit_closure_declared',
      { closureId: 'K1', kind: 'merged', decisionRef: '县委〔2026〕9号', receivingUnits: ['城关镇'] },
      { at: at('09:00'), actor: 'leader1' },
    )
    const handOut = signed('carrier.handed_out', { carrierId: 'c3', reader: '刘' }, { at: at('09:10') })
    const batch = signed(
      'custody.handed_over',
      {
        closureId: 'K1',
        batchId: 'B1',
        receivingUnit: '城关镇',
        receiptRef: '签收〔2026〕1号',
        carrierIds: ['c1', 'c2'],
        registers: true,
      },
      { at: at('10:00') },
    )
    const status = unitClosureStatus(validHistory([twoCopies, declared, handOut, batch]))
    expect(status.left).toEqual([
      { carrierId: 'c3', serial: '2026-0001', reason: 'held_by_reader', awayCode: null },
    ])
    expect(status.registersHandedOver).toBe(true)
    expect(status.canClose).toBe(false)

    const back = signed('carrier.taken_back', { carrierId: 'c3', handOutId: handOut.id }, { at: at('11:00') })
    const last = signed(
      'custody.handed_over',
      {
        closureId: 'K1',
        batchId: 'B2',
        receivingUnit: '城关镇',
        receiptRef: '签收〔2026〕2号',
        carrierIds: ['c3'],
        registers: false,
      },
      { at: at('11:10') },
    )
    const done = unitClosureStatus(validHistory([twoCopies, declared, handOut, batch, back, last]))
    expect(done.left).toEqual([])
    expect(done.canClose).toBe(true)
  })
})
