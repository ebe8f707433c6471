import { describe, expect, it } from 'vitest'
import { distinctHands, requirePost } from '../../src/core/approvals.ts'
import { testUnitView } from '../support/slice-fold.ts'

describe('approval chains', () => {
  it('rules C-06, C-11: one person cannot fill two parts of one chain', () => {
    const refusal = distinctHands('C-11', [
      { zh: '批准人', en: 'approver', person: 'leader1' },
      { zh: '销毁人', en: 'destroyer', person: 'officer1' },
      { zh: '监销人', en: 'supervisor', person: 'officer1' },
    ])
    expect(refusal?.code).toBe('C-11')
    expect(refusal?.message.zh).toContain('销毁人')
    expect(refusal?.message.zh).toContain('监销人')
    expect(refusal?.details).toMatchObject({ person: 'officer1', parts: ['destroyer', 'supervisor'] })
    expect(
      distinctHands('C-06', [
        { zh: '出借方', en: 'lender', person: 'a' },
        { zh: '借入方', en: 'borrower', person: 'b' },
      ]),
    ).toBeNull()
    expect(distinctHands('C-06', [])).toBeNull()
  })

  it('rules B-04, C-08: the approver post is read from the organisation register through the view', () => {
    const view = testUnitView({ posts: { leader1: ['first_responsible'], leader2: ['responsible_leader'] } })
    expect(requirePost('C-08', view, 'leader1', ['first_responsible'])).toBeNull()
    expect(requirePost('C-08', view, 'leader2', ['first_responsible', 'responsible_leader'])).toBeNull()
    const refused = requirePost('C-08', view, 'leader2', ['first_responsible'])
    expect(refused?.code).toBe('C-08')
    expect(refused?.message.zh).toContain('主要领导')
    expect(refused?.details).toMatchObject({ held: ['responsible_leader'] })
    expect(requirePost('C-08', undefined, 'leader1', ['first_responsible'])?.message.zh).toContain('不可用')
  })
})
