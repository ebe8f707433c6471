import { carriedOutSchema, loanedOutSchema, loanReturnedSchema } from '@secledger/domain/registers/movement'
import { outgoingApprovedSchema, outgoingPrintedSchema } from '@secledger/domain/registers/outgoing'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SchemaForm from '../src/forms/SchemaForm.vue'
import {
  emptyRow,
  emptyValues,
  type FormField,
  type FormValues,
  fieldErrors,
  formFields,
  missingFields,
  payloadOf,
} from '../src/forms/schema-fields.ts'

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

// Nested arrays of strict objects: a sign-out's distribution, a print job's material (rules C-15, C-20).
describe('a list field: an array of strict objects edited as rows', () => {
  const recipients = formFields(outgoingApprovedSchema, {
    copies: { label: L('份数') },
    recipients: {
      label: L('分发范围'),
      columns: { unitName: { label: L('收文单位') }, local: { label: L('市内') } },
      numbered: { key: 'recipientId', prefix: 'r' },
    },
  })[1]
  const material = formFields(outgoingPrintedSchema, {
    material: {
      label: L('中间材料'),
      columns: {
        kind: { label: L('类别'), options: [{ value: 'proof', label: L('清样') }] },
        count: { label: L('件数') },
      },
    },
  })
  const fixed = { approvalId: 'a1', docId: 'd1', copies: 3 }

  it('reads its cells off the element schema; a list without a minimum may stay empty', () => {
    expect(recipients).toMatchObject({ kind: 'list', multiple: true, required: false })
    expect(recipients?.columns.map((c) => [c.key, c.kind, c.required, c.maxLength])).toEqual([
      ['unitName', 'text', true, 200],
      ['local', 'switch', false, null],
    ])
    expect(material[0]?.columns.map((c) => [c.key, c.kind, c.options.map((o) => o.label.zh)])).toEqual([
      ['kind', 'select', ['清样']],
      ['count', 'number', []],
    ])
    expect(emptyValues(material)).toEqual({ material: [] })
    expect(emptyRow(recipients as FormField)).toEqual({ unitName: '', local: false })
  })

  it('writes each row trimmed, numbering the id the user does not type', () => {
    const fields = [recipients as FormField]
    const payload = payloadOf(
      fields,
      {
        recipients: [
          { unitName: ' 县委办公室 ', local: false },
          { unitName: '邻镇党政办', local: true },
        ],
      },
      fixed,
    )
    expect(payload.recipients).toEqual([
      { recipientId: 'r1', unitName: '县委办公室', local: false },
      { recipientId: 'r2', unitName: '邻镇党政办', local: true },
    ])
    expect(outgoingApprovedSchema.safeParse(payload).success).toBe(true)
  })

  it('names the row of a cell left empty before the schema is asked, and the schema’s issues by row', () => {
    const fields = [recipients as FormField]
    const values = {
      recipients: [
        { unitName: '县委办公室', local: false },
        { unitName: ' ', local: true },
      ],
    }
    expect(missingFields(fields, values, 'zh-CN')).toEqual({ recipients: '第 2 行：请填写收文单位' })
    expect(missingFields(fields, values, 'en')).toEqual({ recipients: 'Row 2: 收文单位 is required' })
    const parsed = outgoingPrintedSchema.safeParse({
      printJobId: 'p1',
      docId: 'd1',
      deviceId: 'pc1',
      approvedCount: 3,
      printedCount: 3,
      spoiledCount: 0,
      firstCopyNumber: 1,
      material: payloadOf(
        material,
        {
          material: [
            { kind: 'proof', count: 2 },
            { kind: '', count: 0 },
          ],
        },
        {},
      ).material,
    })
    const errors = fieldErrors(parsed.success ? [] : parsed.error.issues, material, 'zh-CN')
    expect(errors.byField).toEqual({ material: '第 2 行：请选择类别' })
    expect(errors.other).toEqual([])
  })

  it('a list longer than the schema allows is refused in rows, not characters', () => {
    const rows = Array.from({ length: 7 }, () => ({ kind: 'proof', count: 1 }))
    const parsed = outgoingPrintedSchema.shape.material.safeParse(rows)
    const issues = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ ...i, path: ['material', ...i.path] }))
    expect(fieldErrors(issues, material, 'zh-CN').byField).toEqual({ material: '中间材料不超过 6 行' })
  })
})

describe('SchemaForm edits a list as rows', () => {
  it('adds a row, labels each cell with its row, writes a cell and removes the row', async () => {
    const fields = formFields(outgoingApprovedSchema, {
      recipients: {
        label: L('分发范围'),
        columns: { unitName: { label: L('收文单位') }, local: { label: L('市内') } },
        numbered: { key: 'recipientId', prefix: 'r' },
      },
    })
    let values: FormValues = emptyValues(fields)
    const wrapper = mount(SchemaForm, {
      props: {
        fields,
        idPrefix: 'wf',
        errors: {},
        modelValue: values,
        'onUpdate:modelValue': (next: FormValues) => {
          values = next
          void wrapper.setProps({ modelValue: next })
        },
      },
      attachTo: document.body,
    })
    expect(wrapper.find('.sl-list').attributes('aria-label')).toBe('分发范围')
    await wrapper.find('.sl-list-add').trigger('click')
    expect(values.recipients).toEqual([{ unitName: '', local: false }])
    const input = wrapper.find('input[aria-label="收文单位（第 1 行）"]')
    expect(input.exists()).toBe(true)
    await input.setValue('县委办公室')
    expect(values.recipients).toEqual([{ unitName: '县委办公室', local: false }])
    expect(wrapper.find('[aria-label="市内（第 1 行）"]').exists()).toBe(true)
    await wrapper.find('.sl-list-remove').trigger('click')
    expect(values.recipients).toEqual([])
    wrapper.unmount()
  })
})
