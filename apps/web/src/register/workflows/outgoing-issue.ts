import { outgoingApprovedSchema, outgoingIssuedSchema } from '@secledger/domain/registers/outgoing'
import { nextSequenceNo } from '../outgoing/outgoing-lists.ts'
import { type OutgoingStep, openApprovalOf } from './outgoing-context.ts'
import { bi, newEntityId } from './workflow.ts'

/** rule C-15: the leader signs a document out (签发), the officer enters it in the 发文登记. */

/**
 * The leader signs out: how many copies may be printed and who gets them (分发范围). The document is
 * named by the officer's registration (文号, 密级); the sign-out holds no title (S-01).
 */
export const approveOutgoing: OutgoingStep = {
  id: 'outgoing-approve',
  type: 'outgoing.approved',
  schema: outgoingApprovedSchema,
  rule: 'C-15',
  label: bi('签发', 'Sign out'),
  done: bi('已签发，待保密员登记', 'Signed out; the officer registers it'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && ctx.row === null,
  fields: () => ({
    copies: {
      label: bi('批准印制份数', 'Copies approved'),
      hint: bi(
        '只能按批准份数印制，不得多印自留（规则 C-15、C-20）',
        'Printed in this number only (rules C-15, C-20)',
      ),
    },
    recipients: {
      label: bi('分发范围', 'Distribution'),
      columns: {
        unitName: { label: bi('收文单位', 'Recipient unit') },
        local: { label: bi('市内', 'Local') },
      },
      // the recipient's id names it in later steps and refusals: r1, r2… in the order listed
      numbered: { key: 'recipientId', prefix: 'r' },
      hint: bi(
        '市内单位须签收；外地单位经机要交通寄发（规则 C-15）',
        'Local recipients sign on receipt; others by confidential courier (rule C-15)',
      ),
    },
  }),
  initial: (_ctx, values) => ({ ...values, copies: 1, recipients: [{ unitName: '', local: false }] }),
  fixed: () => ({ approvalId: newEntityId('apv'), docId: newEntityId('doc') }),
}

const STATE_SECRET_LEVELS = [
  { value: 'top_secret', label: bi('绝密', 'Top secret') },
  { value: 'secret', label: bi('机密', 'Secret') },
  { value: 'confidential', label: bi('秘密', 'Confidential') },
]

/** The officer registers the signed-out document with its 发文顺序号, 文号, level and period. */
export const issueOutgoing: OutgoingStep = {
  id: 'outgoing-issue',
  type: 'outgoing.issued',
  schema: outgoingIssuedSchema,
  rule: 'C-15',
  label: bi('发文登记', 'Register'),
  done: bi('已登记，待印制', 'Registered; to be printed'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openApprovalOf(ctx) !== undefined,
  fields: () => ({
    sequenceNo: {
      label: bi('发文顺序号', 'Sequence number'),
      hint: bi(
        '按年编排，印在每份文件上（规则 C-15）',
        'Numbered per year and stamped on every copy (rule C-15)',
      ),
    },
    docNumber: { label: bi('文号', 'Document number') },
    level: { label: bi('密级', 'Level'), options: STATE_SECRET_LEVELS },
    periodYears: {
      label: bi('保密期限（年）', 'Period (years)'),
      hint: bi('不填即按该密级的最长期限', 'Empty: the longest period of the level'),
    },
  }),
  initial: (ctx, values) => ({ ...values, sequenceNo: nextSequenceNo(ctx.state, ctx.now) }),
  fixed: (ctx, values) => ({
    docId: openApprovalOf(ctx)?.docId ?? '',
    approvalId: openApprovalOf(ctx)?.id ?? '',
    // the event holds the period or null (the level's longest), never leaves it out
    periodYears: typeof values.periodYears === 'number' ? values.periodYears : null,
  }),
}
