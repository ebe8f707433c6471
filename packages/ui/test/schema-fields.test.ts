import { carriedOutSchema, loanedOutSchema, loanReturnedSchema } from '@secledger/domain/registers/movement'
import { describe, expect, it } from 'vitest'
import { emptyValues, fieldErrors, formFields, missingFields, payloadOf } from '../src/forms/schema-fields.ts'

const L = (zh: string) => ({ zh, en: zh })

// Built from the domain's own schemas: the form can only offer what the event holds (issue 12).
describe('a form read off the event schema', () => {
  const loanFields = formFields(loanedOutSchema, {
    borrower: { label: L('借阅方') },
    borrowerKind: {
      label: L('借阅方类别'),
      options: [
        { value: 'unit', label: { zh: '单位', en: 'Unit' } },
        { value: 'person', label: { zh: '个人', en: 'Person' } },
      ],
    },
    dueAt: { label: L('归还期限'), kind: 'datetime' },
  })

  it('takes kind, required and length from the schema, labels and choices from the spec', () => {
    expect(loanFields.map((f) => [f.key, f.kind, f.required, f.maxLength])).toEqual([
      ['borrower', 'text', true, 200],
      ['borrowerKind', 'select', true, null],
      ['dueAt', 'datetime', true, null],
    ])
    expect(loanFields[1]?.options.map((o) => o.label.zh)).toEqual(['单位', '个人'])
  })

  it('an optional note is a textarea that may stay empty; a string list is tags; a boolean a switch', () => {
    const fields = formFields(loanReturnedSchema, { note: { label: L('说明') } })
    expect(fields[0]).toMatchObject({ kind: 'textarea', required: false, maxLength: 500 })
    const trip = formFields(carriedOutSchema, {
      bearers: { label: L('携带人') },
      abroad: { label: L('出境') },
      exitPermitRef: { label: L('出境批件') },
    })
    expect(trip.map((f) => [f.kind, f.required, f.multiple])).toEqual([
      ['tags', true, true],
      ['switch', false, false],
      ['text', false, false],
    ])
  })

  it('an id chosen from given options is a required select', () => {
    const fields = formFields(loanedOutSchema, {
      approvalId: { label: L('本单位批准'), options: [{ value: 'a1', label: L('李镇长 批准') }] },
    })
    const approval = fields[0]
    expect(approval).toMatchObject({ kind: 'select', required: true, multiple: false })
    const empty = loanedOutSchema.shape.approvalId.safeParse('')
    const errors = fieldErrors(
      empty.success ? [] : empty.error.issues.map((i) => ({ ...i, path: ['approvalId'] })),
      fields,
      'zh-CN',
    )
    expect(errors.byField).toEqual({ approvalId: '请选择本单位批准' })
  })

  it('asks for a field the event must hold even where the schema lets it be empty (a reference)', () => {
    const fields = formFields(loanedOutSchema, {
      borrowerApprover: { label: L('借阅方批准领导') },
      dueAt: { label: L('归还期限'), kind: 'datetime' },
    })
    expect(fields.map((f) => f.required)).toEqual([true, true])
    expect(missingFields(fields, { borrowerApprover: '  ', dueAt: null }, 'zh-CN')).toEqual({
      borrowerApprover: '请填写借阅方批准领导',
      dueAt: '请填写归还期限',
    })
    expect(missingFields(fields, { borrowerApprover: '张馆长', dueAt: 1 }, 'zh-CN')).toEqual({})
  })

  it('refuses a spec naming a field the event does not hold', () => {
    expect(() => formFields(loanReturnedSchema, { title: { label: L('标题') } })).toThrow(/no field "title"/)
  })

  it('writes trimmed values, leaves empty optional fields out and adds what the context fixes', () => {
    const fields = formFields(loanReturnedSchema, { note: { label: L('说明') } })
    const blank = payloadOf(fields, { note: '   ' }, { loanId: 'l1', returnedIds: ['c1'], damagedIds: [] })
    expect(blank).toEqual({ loanId: 'l1', returnedIds: ['c1'], damagedIds: [] })
    expect(loanReturnedSchema.safeParse(blank).success).toBe(true)
    const noted = payloadOf(
      fields,
      { note: ' 封面破损 ' },
      { loanId: 'l1', returnedIds: [], damagedIds: ['c1'] },
    )
    expect(noted.note).toBe('封面破损')
  })

  it('starts empty: text blank, instants unset, switches off, lists empty', () => {
    const trip = formFields(carriedOutSchema, {
      destination: { label: L('目的地') },
      plannedReturnAt: { label: L('计划返回'), kind: 'datetime' },
      abroad: { label: L('出境') },
      bearers: { label: L('携带人') },
    })
    expect(emptyValues(trip)).toEqual({ destination: '', plannedReturnAt: null, abroad: false, bearers: [] })
  })

  it('puts the schema’s issues beside the fields the user fills, in Chinese or English', () => {
    const payload = payloadOf(
      loanFields,
      { borrower: '', borrowerKind: '', dueAt: null },
      {
        loanId: 'l1',
        carrierIds: ['c1'],
        borrowerApprover: '王局长',
        borrowerApprovalRef: '批1',
        approvalId: 'a1',
      },
    )
    const parsed = loanedOutSchema.safeParse(payload)
    expect(parsed.success).toBe(false)
    const issues = parsed.success ? [] : parsed.error.issues
    const zh = fieldErrors(issues, loanFields, 'zh-CN')
    expect(zh.byField).toEqual({
      borrower: '请填写借阅方',
      borrowerKind: '请选择借阅方类别',
      dueAt: '请填写归还期限',
    })
    expect(zh.other).toEqual([])
    const long = loanedOutSchema.safeParse({
      ...payload,
      borrower: '单'.repeat(201),
      borrowerKind: 'unit',
      dueAt: 1,
    })
    const en = fieldErrors(long.success ? [] : long.error.issues, loanFields, 'en')
    expect(en.byField).toEqual({ borrower: '借阅方: at most 200 characters' })
  })

  it('an issue of a field the context fixes is not shown as the user’s', () => {
    const bad = loanReturnedSchema.safeParse({ loanId: 'not an id!', returnedIds: [], damagedIds: [] })
    const out = fieldErrors(bad.success ? [] : bad.error.issues, formFields(loanReturnedSchema, {}), 'zh-CN')
    expect(out.byField).toEqual({})
    expect(out.other.map((i) => i.path[0])).toEqual(['loanId'])
  })
})
