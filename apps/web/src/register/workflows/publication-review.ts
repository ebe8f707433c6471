import {
  type PublicationItem,
  publicationBureauRepliedSchema,
  publicationEscalatedSchema,
  publicationPublishedSchema,
  publicationReviewedSchema,
  publicationReviewerDesignatedSchema,
  publicationReviewerRevokedSchema,
  publicationSubmittedSchema,
  publicationWithholdingConfirmedSchema,
  publicationWithholdingProposedSchema,
  type ReviewCapacity,
} from '@secledger/domain/registers/publication'
import { organisationPostAssignedSchema } from '@secledger/domain/registers/responsibility'
import type { Bilingual, FieldOption } from '@secledger/ui/logic'
import { newPublicationId } from '../publication/publication-rows.ts'
import {
  designated,
  hasRole,
  isKeeper,
  isMember,
  itemIn,
  itemOf,
  itemRef,
  NOTE_HINT,
  names,
  type PublicationContext,
  type PublicationStep,
  postHolder,
  postOptions,
  unitUsers,
} from './publication-context.ts'
import { bi, displayName } from './workflow.ts'

/** rules R-01..R-05: submitting, designating, the two reviews, publishing, escalating and withholding. */

/** rules R-01, S-01: an item is put up for review before it is published; the submitter answers for it. */
export const submitItem: PublicationStep = {
  id: 'publication-submit',
  type: 'publication.submitted',
  schema: publicationSubmittedSchema,
  rule: 'R-01',
  label: bi('提交保密审查', 'Submit for review'),
  done: bi('已提交，待科室负责人初审', 'Submitted; the section head reviews first'),
  actor: 'officer',
  available: (ctx) => ctx.row === null && isMember(ctx),
  fields: () => ({
    title: {
      label: bi('信息标题', 'Title'),
      hint: bi(
        '只登记标题、渠道和范围，不录入正文或附件（规则 S-01）',
        'Title, channel and scope only: never the text or attachments (rule S-01)',
      ),
    },
    channel: {
      label: bi('发布渠道', 'Channel'),
      hint: bi(
        '如：政府门户网站、政务公众号、政务公开栏',
        'e.g. the portal, the official account, the notice board',
      ),
    },
    scope: {
      label: bi('公开范围', 'Scope'),
      hint: bi('如：社会公开、系统内部', 'e.g. the public, within the system'),
    },
  }),
  fixed: (ctx) => ({ itemId: newPublicationId('GK', ctx.now) }),
}

/** rules: a leader designates the section heads and the 保密审查责任人. */
export const designateReviewer: PublicationStep = {
  id: 'publication-designate',
  type: 'publication.reviewer_designated',
  schema: publicationReviewerDesignatedSchema,
  rule: 'R-02',
  label: bi('指定审查人员', 'Designate a reviewer'),
  done: bi('已指定', 'Designated'),
  actor: 'leader',
  available: (ctx) => ctx.row === null && ctx.isLeader,
  fields: (ctx) => ({
    post: { label: bi('审查岗位', 'Post'), options: postOptions },
    userId: {
      label: bi('人员', 'Person'),
      options: unitUsers(ctx),
      hint: bi(
        '初审人不能再签复审；提交人不能审查自己提交的信息（规则 R-02）',
        'A first reviewer signs no second review; nobody reviews their own item (rule R-02)',
      ),
    },
  }),
  initial: (_ctx, values) => ({ ...values, post: '' }),
  fixed: () => ({}),
}

/** rules: a designation withdrawn (a person leaves the post). */
export const revokeReviewer: PublicationStep = {
  id: 'publication-revoke',
  type: 'publication.reviewer_revoked',
  schema: publicationReviewerRevokedSchema,
  rule: 'R-02',
  label: bi('撤销审查人员', 'Revoke a reviewer'),
  done: bi('已撤销', 'Revoked'),
  actor: 'leader',
  available: (ctx) => ctx.row === null && ctx.isLeader && ctx.state.registers.publication.reviewers.size > 0,
  fields: (ctx) => {
    const ids = [...new Set([...designated(ctx, 'section_head'), ...designated(ctx, 'review_officer')])]
    return {
      post: { label: bi('审查岗位', 'Post'), options: postOptions },
      userId: {
        label: bi('人员', 'Person'),
        options: ids.map((id) => ({
          value: id,
          label: bi(displayName(ctx.directory, id), displayName(ctx.directory, id)),
        })),
      },
    }
  },
  initial: (_ctx, values) => ({ ...values, post: '' }),
  fixed: () => ({}),
}

/**
 * rules, B-04: the second review and the withholding confirmation are signed by whoever holds
 * the post in the organisation register. Until the unit has an organisation page, the leader records the
 * two posts these rules read here (organisation.post_assigned, the organisation register's own event).
 */
export const assignReviewPost: PublicationStep = {
  id: 'publication-post',
  type: 'organisation.post_assigned',
  schema: organisationPostAssignedSchema,
  rule: 'B-04',
  label: bi('任命分管领导、定密责任人', 'Assign the leader and classifier posts'),
  done: bi('已记入组织机构台账', 'Recorded in the organisation register'),
  actor: 'leader',
  available: (ctx) => ctx.row === null && ctx.isLeader,
  fields: (ctx) => {
    const holder = (post: 'responsible_leader' | 'classifier') => {
      const id = postHolder(ctx, post)
      return id === null ? '—' : displayName(ctx.directory, id)
    }
    const leader = holder('responsible_leader')
    const classifier = holder('classifier')
    return {
      post: {
        label: bi('职务', 'Post'),
        options: [
          { value: 'responsible_leader', label: bi('分管保密工作领导', 'Responsible leader') },
          { value: 'classifier', label: bi('定密责任人', 'Classifier') },
        ],
        hint: bi(
          `复审和不予公开确认由这两个职务签署（规则 R-02、R-05）。现任：分管领导 ${leader}，定密责任人 ${classifier}`,
          `They sign the second review and confirm withholding (rules R-02, R-05). Now: leader ${leader}, classifier ${classifier}`,
        ),
      },
      userId: { label: bi('人员', 'Person'), options: unitUsers(ctx) },
    }
  },
  initial: (_ctx, values) => ({ ...values, post: '' }),
  fixed: () => ({}),
}

// ——— an item's steps ———

const decisionOptions: FieldOption[] = [
  { value: 'pass', label: bi('同意公开', 'Pass') },
  { value: 'return', label: bi('退回，不予公开', 'Return') },
]

function reviewStep(
  capacity: ReviewCapacity,
  label: Bilingual,
  available: (ctx: PublicationContext, item: PublicationItem) => boolean,
  who: (ctx: PublicationContext) => Bilingual,
): PublicationStep {
  return {
    id: `publication-review-${capacity}`,
    type: 'publication.reviewed',
    schema: publicationReviewedSchema,
    rule: 'R-02',
    label,
    done: bi('审查意见已签署', 'Review signed'),
    actor: 'leader',
    available: (ctx) => {
      const item = itemOf(ctx)
      return item !== null && available(ctx, item)
    },
    fields: (ctx) => ({
      decision: { label: bi('审查意见', 'Decision'), options: decisionOptions, hint: who(ctx) },
      note: { label: bi('说明', 'Note'), hint: NOTE_HINT },
    }),
    initial: (_ctx, values) => ({ ...values, decision: '' }),
    fixed: (ctx) => ({ ...itemRef(ctx), capacity }),
  }
}

const signed = (item: PublicationItem, capacity: ReviewCapacity) =>
  item.reviews.some((r) => r.capacity === capacity)
const holderText = (
  ctx: PublicationContext,
  post: 'responsible_leader' | 'classifier',
  zh: string,
  en: string,
) => {
  const id = postHolder(ctx, post)
  const name = id === null ? null : displayName(ctx.directory, id)
  return name === null
    ? bi(`组织机构台账中尚无${zh}（规则 B-04）`, `No ${en} in the organisation register (rule B-04)`)
    : bi(`组织机构台账中的${zh}：${name}`, `${en} in the organisation register: ${name}`)
}

/** rule R-02: the first review, by a section head a leader designated. */
export const reviewFirst = reviewStep(
  'section_head',
  bi('初审（科室负责人）', 'First review (section head)'),
  (ctx, item) => item.state === 'submitted' && designated(ctx, 'section_head').includes(ctx.userId),
  (ctx) => {
    const heads = names(ctx, designated(ctx, 'section_head'))
    return bi(`指定的科室负责人：${heads}`, `Designated section heads: ${heads}`)
  },
)

/** rule R-02: the second review by the responsible leader (分管领导), read from the organisation register. */
export const reviewByLeader = reviewStep(
  'responsible_leader',
  bi('复审（分管领导）', 'Second review (leader)'),
  (ctx, item) =>
    item.state === 'first_passed' &&
    !signed(item, 'responsible_leader') &&
    (ctx.isLeader || postHolder(ctx, 'responsible_leader') === ctx.userId),
  (ctx) => holderText(ctx, 'responsible_leader', '分管保密工作领导', 'responsible leader'),
)

/** rule R-02: the second review by the classifier (定密责任人), read from the organisation register. */
export const reviewByClassifier = reviewStep(
  'classifier',
  bi('复审（定密责任人）', 'Second review (classifier)'),
  (ctx, item) =>
    item.state === 'first_passed' &&
    !signed(item, 'classifier') &&
    (hasRole(ctx, 'classifier') || postHolder(ctx, 'classifier') === ctx.userId),
  (ctx) => holderText(ctx, 'classifier', '定密责任人', 'classifier'),
)

/** rules: published only once cleared, on the channel and scope reviewed; the publisher is the signer. */
export const publishItem: PublicationStep = {
  id: 'publication-publish',
  type: 'publication.published',
  schema: publicationPublishedSchema,
  rule: 'R-03',
  label: bi('登记发布', 'Record publication'),
  done: bi('发布已登记（谁发布谁负责）', 'Publication recorded (the publisher answers for it)'),
  actor: 'officer',
  available: (ctx) => itemIn(ctx, 'approved') !== null && isMember(ctx),
  fields: (ctx) => {
    const item = itemOf(ctx)
    const where = item === null ? '' : `${item.channel} · ${item.scope}`
    return {
      publishedAt: {
        label: bi('发布时间', 'Published at'),
        kind: 'datetime',
        hint: bi(`按审查时的渠道和范围发布：${where}`, `On the channel and scope reviewed: ${where}`),
      },
    }
  },
  initial: (ctx, values) => ({ ...values, publishedAt: ctx.now }),
  fixed: (ctx) => {
    const item = itemOf(ctx)
    return { ...itemRef(ctx), channel: item?.channel ?? '', scope: item?.scope ?? '' }
  },
}

/** rule R-04: an unclear item goes to the secrecy bureau and waits for its reply. */
export const escalateItem: PublicationStep = {
  id: 'publication-escalate',
  type: 'publication.escalated',
  schema: publicationEscalatedSchema,
  rule: 'R-04',
  label: bi('报保密局审查', 'Escalate to the bureau'),
  done: bi('已报保密局，待其答复', 'Escalated; awaiting the reply'),
  actor: 'officer',
  available: (ctx) =>
    itemIn(ctx, 'submitted', 'first_passed') !== null && hasRole(ctx, 'officer', 'leader', 'classifier'),
  fields: () => ({
    bureau: { label: bi('报送机关', 'Bureau'), hint: bi('如：县保密局', 'e.g. the county secrecy bureau') },
    note: { label: bi('说明', 'Note'), hint: NOTE_HINT },
  }),
  fixed: itemRef,
}

/** rule R-04: the bureau's recorded reply decides the item. */
export const recordBureauReply: PublicationStep = {
  id: 'publication-bureau-reply',
  type: 'publication.bureau_replied',
  schema: publicationBureauRepliedSchema,
  rule: 'R-04',
  label: bi('登记保密局答复', "Record the bureau's reply"),
  done: bi('答复已登记', 'Reply recorded'),
  actor: 'officer',
  available: (ctx) => itemIn(ctx, 'escalated') !== null && isKeeper(ctx),
  fields: () => ({
    decision: {
      label: bi('答复意见', 'Reply'),
      options: [
        { value: 'publish', label: bi('同意公开', 'Publish') },
        { value: 'not_publish', label: bi('不予公开', 'Do not publish') },
      ],
    },
    replyRef: { label: bi('答复文号', 'Reply reference') },
  }),
  initial: (_ctx, values) => ({ ...values, decision: '' }),
  fixed: itemRef,
}

/** rule R-05: withholding (免于公开 / 暂不公开) needs a stated reason. */
export const proposeWithholding: PublicationStep = {
  id: 'publication-withhold',
  type: 'publication.withholding_proposed',
  schema: publicationWithholdingProposedSchema,
  rule: 'R-05',
  label: bi('申请不予公开', 'Propose withholding'),
  done: bi('已申请，待保密审查责任人和分管领导确认', 'Proposed; the review officer and the leader confirm'),
  actor: 'officer',
  available: (ctx) => itemIn(ctx, 'submitted', 'first_passed', 'approved') !== null && isMember(ctx),
  fields: () => ({
    kind: {
      label: bi('类别', 'Kind'),
      options: [
        { value: 'exempt', label: bi('免于公开', 'Exempt') },
        { value: 'deferred', label: bi('暂不公开', 'Deferred') },
      ],
    },
    reason: { label: bi('理由', 'Reason'), kind: 'textarea', hint: NOTE_HINT },
  }),
  initial: (_ctx, values) => ({ ...values, kind: '' }),
  fixed: itemRef,
}

function confirmStep(
  capacity: 'review_officer' | 'responsible_leader',
  label: Bilingual,
  mayConfirm: (ctx: PublicationContext) => boolean,
): PublicationStep {
  return {
    id: `publication-withhold-${capacity}`,
    type: 'publication.withholding_confirmed',
    schema: publicationWithholdingConfirmedSchema,
    rule: 'R-05',
    label,
    done: bi('确认已签署', 'Confirmation signed'),
    actor: 'leader',
    available: (ctx) => {
      const item = itemIn(ctx, 'withholding')
      return (
        item !== null &&
        !(item.withholding?.confirmations ?? []).some((c) => c.capacity === capacity) &&
        mayConfirm(ctx)
      )
    },
    fields: () => ({}),
    fixed: (ctx) => ({ ...itemRef(ctx), capacity }),
  }
}

/** rule R-05: the designated 保密审查责任人 confirms (审核确认). */
export const confirmByReviewOfficer = confirmStep(
  'review_officer',
  bi('确认不予公开（保密审查责任人）', 'Confirm withholding (review officer)'),
  (ctx) => designated(ctx, 'review_officer').includes(ctx.userId),
)

/** rule R-05: the 分管领导 of the organisation register confirms. */
export const confirmByLeader = confirmStep(
  'responsible_leader',
  bi('确认不予公开（分管领导）', 'Confirm withholding (leader)'),
  (ctx) => ctx.isLeader || postHolder(ctx, 'responsible_leader') === ctx.userId,
)

// ——— a leak's steps (rule R-06) ———
