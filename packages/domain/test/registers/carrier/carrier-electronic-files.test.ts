import { describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../../src/core/event-envelope.ts'
import type { Level } from '../../../src/core/levels.ts'
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

// Rule C-16 (000 涉密电子文件 七): copying or destroying a classified electronic file needs the 主管领导's
// approval and the user's signed registration (movement register) before the carrier register takes it.

const early = local('2026-03-01T09:00')
const appointLeader = signed(
  'organisation.post_assigned',
  { post: 'responsible_leader', userId: 'leader1' },
  { at: early },
)
const fileAs = (id: string, level: Level, kind: 'electronic' | 'paper' = 'electronic') =>
  signed(
    'carrier.registered',
    registration({
      kind,
      level,
      title: level === 'secret' || level === 'top_secret' ? '关于＊＊＊' : '关于某事的通知',
      serial: `2026-00${id.slice(1).padStart(2, '0')}`,
      docNumber: `县委办〔2026〕${id.slice(1)}号`,
      copies: [{ id, copyNumber: level === 'secret' ? 1 : null }],
    }),
    { at: local('2026-03-02T08:00') },
  )

/** The leader's approval and the user's own registration of `action` on `carrierId`, at `hhmm`. */
function registered(carrierId: string, action: 'read' | 'copy' | 'destroy', hhmm: string): EventEnvelope[] {
  const approved = signed(
    'movement.electronic_use_approved',
    { carrierId, action, user: 'classifier1' },
    { actor: 'leader1', at: local(`2026-03-02T${hhmm}`) - 60_000 },
  )
  const registration = signed(
    'movement.electronic_use_registered',
    { carrierId, action, user: 'classifier1', approvalId: approved.id, userSigned: false },
    { actor: 'classifier1', at: local(`2026-03-02T${hhmm}`) },
  )
  return [approved, registration]
}

const copyOf = (id: string, copyId: string) =>
  copyPayload(id, [{ id: copyId, copyNumber: 7 }], { approval: { approvedOn: '2026-03-02' } })
const base = [appointLeader, fileAs('c1', 'secret')]

describe('classified electronic files: registration before copy and destruction (rule C-16)', () => {
  it('rule C-16: a classified electronic file is not copied without an approved, signed registration of the copying', () => {
    const copy = copyOf('c1', 'k1')
    expect(check(base, 'carrier.copied', copy, { at: T.morning })).toMatchObject({
      ok: false,
      error: {
        code: 'C-16',
        message: { zh: '复制涉密电子文件 2026-0001 前须经主管领导批准并由使用人签字登记（规则 C-16）' },
      },
    })
    // A registration to read it is not one to copy it; one signed after the copying does not count.
    expect(
      refusal(
        check([...base, ...registered('c1', 'read', '08:30')], 'carrier.copied', copy, { at: T.morning }),
      ),
    ).toBe('C-16')
    expect(
      refusal(
        check([...base, ...registered('c1', 'copy', '10:00')], 'carrier.copied', copy, { at: T.morning }),
      ),
    ).toBe('C-16')
    expect(
      refusal(
        check([...base, ...registered('c1', 'copy', '08:30')], 'carrier.copied', copy, { at: T.morning }),
      ),
    ).toBeNull()
    // The fold refuses it too (a copy recorded on a device that never saw the registration).
    const folded = fold([...base, signed('carrier.copied', copy, { at: T.morning })])
    expect(refusedCodes(folded)).toEqual(['C-16'])
    expect(folded.carriers.has('k1')).toBe(false)
  })

  it('rule C-16: each copying needs its own registration; the copy is managed as an original', () => {
    const first = signed('carrier.copied', copyOf('c1', 'k1'), { at: T.morning })
    const history = [...base, ...registered('c1', 'copy', '08:30'), first]
    const state = fold(history)
    expect(refusedCodes(state)).toEqual([])
    expect(state.carriers.get('c1')?.lastCopiedAt).toBe(T.morning)
    expect(state.carriers.get('k1')).toMatchObject({
      kind: 'electronic',
      level: 'secret',
      lastCopiedAt: null,
    })
    const again = copyOf('c1', 'k2')
    expect(check(history, 'carrier.copied', again, { at: T.noon })).toMatchObject({
      ok: false,
      error: { code: 'C-16', message: { zh: expect.stringContaining('每次复制前须重新履行审批') } },
    })
    expect(
      refusal(
        check([...history, ...registered('c1', 'copy', '11:00')], 'carrier.copied', again, { at: T.noon }),
      ),
    ).toBeNull()
    // The copy is a classified electronic file itself: copying it needs its own registration.
    expect(refusal(check(history, 'carrier.copied', copyOf('k1', 'k3'), { at: T.noon }))).toBe('C-16')
  })

  it('rule C-16: a classified electronic file is destroyed only after a registration of its destruction', () => {
    const approval = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c1'] },
      { actor: 'leader1', at: local('2026-03-02T08:10') },
    )
    const destroy = {
      carrierIds: ['c1'],
      approvalId: approval.id,
      method: 'central' as const,
      receiptNumber: '县保密局销毁回执 2026-017',
    }
    const history = [...base, approval]
    expect(check(history, 'carrier.destroyed', destroy, { at: T.noon })).toMatchObject({
      ok: false,
      error: { code: 'C-16', details: { carrierId: 'c1', action: 'destroy' } },
    })
    expect(
      refusal(
        check([...history, ...registered('c1', 'copy', '08:30')], 'carrier.destroyed', destroy, {
          at: T.noon,
        }),
      ),
    ).toBe('C-16')
    const withRegistration = [...history, ...registered('c1', 'destroy', '08:30')]
    expect(refusal(check(withRegistration, 'carrier.destroyed', destroy, { at: T.noon }))).toBeNull()
    const state = fold([...withRegistration, signed('carrier.destroyed', destroy, { at: T.noon })])
    expect(state.carriers.get('c1')?.state).toBe('destroyed')
  })

  it('rule C-16 covers classified electronic files only: paper and unclassified electronic carriers pass', () => {
    const paper = [appointLeader, fileAs('c1', 'secret', 'paper')]
    expect(refusal(check(paper, 'carrier.copied', copyOf('c1', 'k1'), { at: T.morning }))).toBeNull()
    const internal = [appointLeader, fileAs('c1', 'internal')]
    expect(refusal(check(internal, 'carrier.copied', copyOf('c1', 'k1'), { at: T.morning }))).toBeNull()
  })
})
