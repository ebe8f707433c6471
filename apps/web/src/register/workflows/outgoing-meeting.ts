import {
  outgoingMeetingCollectedSchema,
  outgoingMeetingHandedOutSchema,
  outgoingReturnedToIssuerSchema,
  outgoingReturnScheduledSchema,
} from '@secledger/domain/registers/outgoing'
import {
  carrierChoice,
  carriersInOffice,
  type OutgoingContext,
  type OutgoingStep,
  peopleOptions,
} from './outgoing-context.ts'
import { bi, newEntityId } from './workflow.ts'

/** rule C-14: meeting documents handed out against the list and collected; rule C-09: 清退 to the issuer. */

const HOUR = 3_600_000

/** rule C-14: carriers of the register handed to listed attendees; 绝密 due back at the meeting's end. */
export const handOutMeeting: OutgoingStep = {
  id: 'outgoing-meeting-out',
  type: 'outgoing.meeting_handed_out',
  schema: outgoingMeetingHandedOutSchema,
  rule: 'C-14',
  label: bi('会议文件分发', 'Meeting hand-out'),
  done: bi('已按清单分发会议文件', 'Meeting documents handed out'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && ctx.row === null && carriersInOffice(ctx).length > 0,
  fields: (ctx) => {
    const people = peopleOptions(ctx)
    return {
      endsAt: { label: bi('会议结束时间', 'Meeting ends'), kind: 'datetime' },
      attendees: {
        label: bi('参会人员清单', 'Attendee list'),
        options: people,
        hint: bi(
          '从本单位人员中选择，或输入参会证编号后回车',
          'Pick from the unit, or type a badge number and press Enter',
        ),
      },
      items: {
        label: bi('分发清单', 'Hand-out list'),
        columns: {
          carrierId: { label: bi('载体', 'Carrier'), options: carriersInOffice(ctx).map(carrierChoice) },
          // an attendee of the list: picked, or typed as on the list
          attendee: { label: bi('领取人', 'Attendee'), kind: 'tags', options: people },
        },
        hint: bi('领取人须在参会人员清单中（规则 C-14）', 'Each attendee is on the list (rule C-14)'),
      },
    }
  },
  initial: (ctx, values) => ({
    ...values,
    endsAt: ctx.now + 2 * HOUR,
    items: [{ carrierId: '', attendee: '' }],
  }),
  fixed: () => ({ meetingId: newEntityId('mtg') }),
}

function outItems(ctx: OutgoingContext) {
  return (ctx.meeting?.items ?? []).filter((i) => i.status === 'out')
}

function outOptions(ctx: OutgoingContext) {
  return outItems(ctx).map((i) => {
    const c = ctx.state.carriers.get(i.carrierId)
    const { label } = carrierChoice(
      c ?? { id: i.carrierId, serial: i.carrierId, copyNumber: null, docNumber: '' },
    )
    return { value: i.carrierId, label: bi(`${label.zh} · ${i.attendee}`, `${label.en} · ${i.attendee}`) }
  })
}

/** rule C-14: collection after the meeting: each document collected or missing (an anomaly). */
export const collectMeeting: OutgoingStep = {
  id: 'outgoing-meeting-collect',
  type: 'outgoing.meeting_collected',
  schema: outgoingMeetingCollectedSchema,
  rule: 'C-14',
  label: bi('会议文件收回', 'Collect'),
  done: bi('已登记收回', 'Collection recorded'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && outItems(ctx).length > 0,
  fields: (ctx) => ({
    collected: { label: bi('已收回', 'Collected'), kind: 'select', options: outOptions(ctx) },
    missing: {
      label: bi('缺失', 'Missing'),
      kind: 'select',
      options: outOptions(ctx),
      hint: bi(
        '缺失的载体转为异常查找（规则 C-14）',
        'A missing one becomes an anomaly to trace (rule C-14)',
      ),
    },
  }),
  initial: (ctx, values) => ({ ...values, collected: outItems(ctx).map((i) => i.carrierId) }),
  fixed: (ctx) => ({ meetingId: ctx.meeting?.id ?? '' }),
}

/** Received carriers still here and without a return schedule. */
function unscheduled(ctx: OutgoingContext) {
  const schedules = ctx.state.registers.outgoing.schedules
  return carriersInOffice(ctx, 'received').filter((c) => !schedules.has(c.id))
}

/** rule C-09: a superior unit's 清退通知: by when, and to whom, a received document goes back. */
export const scheduleReturn: OutgoingStep = {
  id: 'outgoing-return-schedule',
  type: 'outgoing.return_scheduled',
  schema: outgoingReturnScheduledSchema,
  rule: 'C-09',
  label: bi('登记清退通知', 'Return notice'),
  done: bi('已登记清退期限', 'Return date recorded'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && ctx.row === null && unscheduled(ctx).length > 0,
  fields: (ctx) => ({
    carrierId: { label: bi('上级来文', 'Received document'), options: unscheduled(ctx).map(carrierChoice) },
    returnBy: {
      label: bi('清退期限', 'Return by'),
      hint: bi('日期，如 2026-03-31', 'A date, e.g. 2026-03-31'),
    },
    toUnit: { label: bi('清退至', 'Return to') },
    noticeRef: { label: bi('清退通知文号', 'Notice reference') },
  }),
  fixed: () => ({}),
}

/** rule C-09: received documents returned to the issuer against its signed receipt. */
export const returnToIssuer: OutgoingStep = {
  id: 'outgoing-return',
  type: 'outgoing.returned_to_issuer',
  schema: outgoingReturnedToIssuerSchema,
  rule: 'C-09',
  label: bi('清退上级来文', 'Return to issuer'),
  done: bi('已登记清退', 'Return recorded'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && ctx.row === null && carriersInOffice(ctx, 'received').length > 0,
  fields: (ctx) => {
    const schedules = ctx.state.registers.outgoing.schedules
    return {
      carrierIds: {
        label: bi('清退载体', 'Carriers'),
        kind: 'select',
        // those with a notice first: they are the ones due
        options: carriersInOffice(ctx, 'received')
          .sort((a, b) => Number(schedules.has(b.id)) - Number(schedules.has(a.id)))
          .map(carrierChoice),
      },
      toUnit: {
        label: bi('清退至', 'Returned to'),
        hint: bi('有清退通知的，须清退至通知所列单位', 'As the notice names'),
      },
      receiptRef: { label: bi('对方签收单号', 'Receipt reference') },
    }
  },
  initial: (ctx, values) => {
    const first = [...ctx.state.registers.outgoing.schedules.values()].find(
      (s) => !ctx.state.registers.outgoing.returned.has(s.carrierId),
    )
    return first ? { ...values, carrierIds: [first.carrierId], toUnit: first.toUnit } : values
  },
  fixed: () => ({}),
}
