import { distinctHands } from '../../core/approvals.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { localDay } from '../../core/work-calendar.ts'
import type { ResponsibilityEventPayloads, ResponsibilityEventType } from './events.ts'
import { bookContentHash, templateContentHash } from './hash.ts'
import { isDomainError, openDepartment } from './organisation-rules.ts'
import { type ResponsibilityWork, templateKey } from './state.ts'

/** Block rules of the responsibility books (rules B-01..B-03). Each returns the refusal, or null. */

export type ResponsibilitySliceEvent<T extends ResponsibilityEventType> = SliceEvent<
  T,
  ResponsibilityEventPayloads[T]
>

/** rule B-03: versions of a template only go up; a version is published once. */
export function checkTemplatePublished(
  work: ResponsibilityWork,
  event: ResponsibilitySliceEvent<'responsibility.template_published'>,
): DomainError | null {
  const { templateId, version } = event.payload
  for (const t of work.templates.values())
    if (t.templateId === templateId && t.version >= version)
      return domainError(
        'B-03',
        `责任书模板 ${templateId} 已有版本 ${t.version}，新版本号须更大（规则 B-03）`,
        `Template ${templateId} already has version ${t.version}; a new version must be higher (rule B-03)`,
        { templateId, version },
      )
  return null
}

/** rule B-03: the adopted copy hashes to the stated hash (the county's), and is adopted once. */
export function checkTemplateAdopted(
  work: ResponsibilityWork,
  event: ResponsibilitySliceEvent<'responsibility.template_adopted'>,
): DomainError | null {
  const { template, contentHash } = event.payload
  if (templateContentHash(template) !== contentHash)
    return domainError(
      'B-03',
      '模板内容与其哈希不符，可能被改动（规则 B-03）',
      "The template's content does not match its hash (rule B-03)",
      { templateId: template.templateId, version: template.version },
    )
  if (work.templates.has(templateKey(template.templateId, template.version)))
    return domainError(
      'B-03',
      `模板 ${template.templateId} 第 ${template.version} 版已登记`,
      `Template ${template.templateId} version ${template.version} is already recorded`,
    )
  return null
}

function b01(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('B-01', `${zh}（规则 B-01）`, `${en} (rule B-01)`, details)
}

/**
 * rule B-01: a book for a department and year names the current first responsible person and the
 * department's current head, uses a recorded template version, and carries the hash of exactly that.
 * Choice: a book is drafted for the current year or the next (signing in December), never for a
 * past year (no back-dated books), and a department has one book in force per year.
 */
export function checkBookDrafted(
  work: ResponsibilityWork,
  event: ResponsibilitySliceEvent<'responsibility.book_drafted'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (work.books.has(p.bookId)) return b01(`责任书 ${p.bookId} 已存在`, `Book ${p.bookId} already exists`)
  const template = work.templates.get(templateKey(p.templateId, p.templateVersion))
  if (template === undefined)
    return domainError(
      'B-03',
      `责任书须引用县保密局发布的模板版本，${p.templateId} 第 ${p.templateVersion} 版未登记（规则 B-03）`,
      `A book references a published template version; ${p.templateId} v${p.templateVersion} is not recorded (rule B-03)`,
    )
  const department = openDepartment(work, p.departmentId)
  if (isDomainError(department)) return department
  const thisYear = localDay(event.atMs, ctx.calendar).year
  if (p.year < thisYear || p.year > thisYear + 1)
    return b01(
      `责任书年度 ${p.year} 须为本年度或下一年度`,
      `A book is for this year or the next, not ${p.year}`,
      { year: p.year },
    )
  const first = work.posts.get('first_responsible')
  if (first === undefined || first.userId !== p.unitSignerId)
    return b01(
      '单位一方须由本单位保密工作第一责任人签订',
      "The unit's side is signed by the unit's first responsible person",
      { unitSignerId: p.unitSignerId },
    )
  if (department.headId !== p.departmentSignerId)
    return b01(
      `科室一方须由 ${department.name} 的负责人签订`,
      `The department's side is signed by the head of ${department.name}`,
      { departmentSignerId: p.departmentSignerId },
    )
  // Four eyes: a first responsible person who also heads the department does not sign with themself.
  const hands = distinctHands('B-01', [
    { zh: '单位一方签订人', en: "unit's signer", person: p.unitSignerId },
    { zh: '科室一方签订人', en: "department's signer", person: p.departmentSignerId },
  ])
  if (hands !== null) return hands
  for (const b of work.books.values())
    if (b.departmentId === p.departmentId && b.year === p.year && b.supersededAt === null)
      return b01(
        `${department.name} ${p.year} 年已有有效责任书 ${b.id}`,
        `${department.name} already has book ${b.id} for ${p.year}`,
        { bookId: b.id },
      )
  const expected = bookContentHash({ ...p, templateHash: template.contentHash })
  if (expected !== p.contentHash)
    return b01('责任书内容哈希与内容不符', "The book's content hash does not match its content")
  return null
}

/**
 * rule B-01: each party signs once, over the book's own hash, within the book's year. rule B-02: a
 * book whose signer changed no longer takes signatures; a new book is drafted with the new signer.
 */
export function checkBookSigned(
  work: ResponsibilityWork,
  event: ResponsibilitySliceEvent<'responsibility.book_signed'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const book = work.books.get(p.bookId)
  if (book === undefined) return b01(`责任书 ${p.bookId} 不存在`, `Book ${p.bookId} does not exist`)
  if (book.supersededAt !== null)
    return domainError(
      'B-02',
      `签订人已变更，责任书 ${book.id} 不再有效，须重新签订（规则 B-02）`,
      `A signer changed; book ${book.id} no longer counts and must be re-signed (rule B-02)`,
      { bookId: book.id },
    )
  if (p.contentHash !== book.contentHash)
    return b01('签名所针对的内容与责任书不符', 'The signature is over different content than the book')
  const party =
    event.actor === book.unitSignerId ? 'unit' : event.actor === book.departmentSignerId ? 'department' : null
  if (party === null)
    return b01(`${event.actor} 不是该责任书的签订人`, `${event.actor} is not a signer of this book`, {
      actor: event.actor,
    })
  if ((party === 'unit' ? book.unitSignedAt : book.departmentSignedAt) !== null)
    return b01(`${event.actor} 已签署该责任书`, `${event.actor} has already signed this book`)
  if (localDay(event.atMs, ctx.calendar).year > book.year)
    return b01(
      `${book.year} 年度已过，不能补签`,
      `The year ${book.year} is over; the book cannot be signed now`,
    )
  return null
}
