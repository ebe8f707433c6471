import type { RegisterSlice, SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { ResponsibilityEventPayloads } from '../../../src/registers/responsibility/events.ts'
import { bookContentHash, templateContentHash } from '../../../src/registers/responsibility/hash.ts'
import { responsibilitySlice } from '../../../src/registers/responsibility/slice.ts'
import type { ResponsibilityState, ResponsibilityWork } from '../../../src/registers/responsibility/state.ts'
import { sliceContext, typedEventBuilder } from '../../support/slice-fixtures.ts'
import { foldSlice, type SliceFold } from '../../support/slice-fold.ts'

export { refusalCodes as codes } from '../../support/slice-fold.ts'

/**
 * The users of the responsibility, organisation and publication registers: department heads and a
 * clerk (staff), a leader who is also classifier, a county user, a staff member of another town.
 */
export const CTX: SliceContext = sliceContext({
  officer1: ['officer'],
  leader1: ['leader'],
  leader2: ['leader'],
  classifier1: ['classifier'],
  boss: ['leader', 'classifier'],
  head1: ['staff'],
  head2: ['staff'],
  clerk: ['staff'],
  county1: { roles: ['county'], unit: 'county-demo' },
  far: { roles: ['staff'], unit: 'town-2' },
})

export const COUNTY_CTX: SliceContext = { ...CTX, unit: 'county-demo' }

/** The responsibility register (books and organisation) folded alone (slice-fold.ts) among CTX's users. */
export function foldResponsibility(
  events: readonly SliceEvent[],
  slice: RegisterSlice<ResponsibilityWork, ResponsibilityState> = responsibilitySlice,
  ctx: SliceContext = CTX,
): SliceFold<ResponsibilityState> {
  return foldSlice(slice, events, ctx)
}

export const respEvent = () => typedEventBuilder<ResponsibilityEventPayloads>()

export const TEMPLATE: ResponsibilityEventPayloads['responsibility.template_published'] = {
  templateId: 'county-book',
  version: 1,
  title: '科室保密工作责任书',
  goals: ['全年不发生失泄密事件'],
  duties: ['落实涉密载体管理制度', '组织本科室人员参加保密教育'],
  rewards: ['年度考核加分'],
  penalties: ['发生泄密事件的，年度考核一票否决'],
}

export function adoption(
  template = TEMPLATE,
): ResponsibilityEventPayloads['responsibility.template_adopted'] {
  return { template, contentHash: templateContentHash(template) }
}

/** A book payload with the right hash for the given signers. */
export function bookDraft(
  overrides: Partial<Omit<ResponsibilityEventPayloads['responsibility.book_drafted'], 'contentHash'>> = {},
  template = TEMPLATE,
): ResponsibilityEventPayloads['responsibility.book_drafted'] {
  const base = {
    bookId: 'b1',
    year: 2026,
    departmentId: 'd1',
    templateId: template.templateId,
    templateVersion: template.version,
    unitSignerId: 'leader1',
    departmentSignerId: 'head1',
    ...overrides,
  }
  return { ...base, contentHash: bookContentHash({ ...base, templateHash: templateContentHash(template) }) }
}

/**
 * A township ready for books at `t`: the county template adopted, departments d1 (党政办) and d2
 * (财政所) with heads head1 and head2, leader1 the first responsible person (one hour later).
 */
export function townshipSetup(ev: ReturnType<typeof respEvent>, t: number): SliceEvent[] {
  return [
    ev('responsibility.template_adopted', adoption(), t),
    ev('organisation.department_recorded', { departmentId: 'd1', name: '党政办' }, t),
    ev('organisation.department_recorded', { departmentId: 'd2', name: '财政所' }, t),
    ev(
      'organisation.post_assigned',
      { post: 'first_responsible', userId: 'leader1' },
      t + 3_600_000,
      'leader1',
    ),
    ev('organisation.department_head_recorded', { departmentId: 'd1', userId: 'head1' }, t + 3_600_000),
    ev('organisation.department_head_recorded', { departmentId: 'd2', userId: 'head2' }, t + 3_600_000),
  ]
}
