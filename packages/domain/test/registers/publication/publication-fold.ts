import type { RegisterSlice, SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { UnitPost } from '../../../src/core/unit-view.ts'
import type { PublicationEventPayloads } from '../../../src/registers/publication/events.ts'
import { publicationSlice } from '../../../src/registers/publication/slice.ts'
import type { PublicationState, PublicationWork } from '../../../src/registers/publication/state.ts'
import { local } from '../../support/fixtures.ts'
import { typedEventBuilder } from '../../support/slice-fixtures.ts'
import { contextWithView, foldSlice, type SliceFold, testUnitView } from '../../support/slice-fold.ts'
import { CTX } from '../responsibility/responsibility-fold.ts'

type Payload<T extends keyof PublicationEventPayloads> = PublicationEventPayloads[T]

export const P0 = local('2026-03-02T09:00')
export const MIN = 60_000

export const pubEvent = () => typedEventBuilder<PublicationEventPayloads>('p')

/**
 * Organisation posts (B-04) of the second review step and of R-05: the 分管领导 and the 定密责任人. A
 * static view: several persons hold one post so the tests can show each capacity signs once.
 */
export const PUB_POSTS: Readonly<Record<string, readonly UnitPost[]>> = {
  leader1: ['responsible_leader'],
  leader2: ['responsible_leader'],
  classifier1: ['classifier'],
  boss: ['responsible_leader', 'classifier'],
}

/** The responsibility register's users with the organisation posts `posts` in the unit view. */
export function pubContext(posts: Readonly<Record<string, readonly UnitPost[]>> = PUB_POSTS): SliceContext {
  return contextWithView(testUnitView({ posts }), CTX)
}

export const PUB_CTX: SliceContext = pubContext()

/** The publication register folded alone (slice-fold.ts), among the responsibility register's users. */
export function foldPublication(
  events: readonly SliceEvent[],
  slice: RegisterSlice<PublicationWork, PublicationState> = publicationSlice,
  ctx: SliceContext = PUB_CTX,
): SliceFold<PublicationState> {
  return foldSlice(slice, events, ctx)
}

export const SUBMISSION: Payload<'publication.submitted'> = {
  itemId: 'i1',
  title: '2026年春耕生产通知',
  channel: '镇政府门户网站',
  scope: '社会公开',
}

/** Publishing item i1 ten minutes in, on the channel and scope it was submitted for. */
export const PUBLISH: Payload<'publication.published'> = {
  itemId: 'i1',
  publishedAt: P0 + 10 * MIN,
  channel: SUBMISSION.channel,
  scope: SUBMISSION.scope,
}

/**
 * Builders of item i1's steps over one id sequence (`ev`). Ids follow creation order and break ties
 * in time, so build the events in the order they are listed.
 */
export function itemSteps(ev = pubEvent()) {
  type Reviewed = Payload<'publication.reviewed'>
  type Proposed = Payload<'publication.withholding_proposed'>
  return {
    ev,
    review: (capacity: Reviewed['capacity'], decision: Reviewed['decision'], atMs: number, actor: string) =>
      ev('publication.reviewed', { itemId: 'i1', capacity, decision }, atMs, actor),
    /** The clerk proposes withholding. */
    propose: (kind: Proposed['kind'], reason: string, atMs: number) =>
      ev('publication.withholding_proposed', { itemId: 'i1', kind, reason }, atMs, 'clerk'),
    confirm: (
      capacity: Payload<'publication.withholding_confirmed'>['capacity'],
      atMs: number,
      actor: string,
    ) => ev('publication.withholding_confirmed', { itemId: 'i1', capacity }, atMs, actor),
    /** The clerk publishes PUBLISH, with `over`. */
    publish: (atMs: number, over: Partial<Payload<'publication.published'>> = {}) =>
      ev('publication.published', { ...PUBLISH, ...over }, atMs, 'clerk'),
  }
}

/** Designations and a submission by `clerk`: section head head1, 保密审查责任人 officer1. */
export function designated(ev = pubEvent()): SliceEvent[] {
  return [
    ev('publication.reviewer_designated', { userId: 'head1', post: 'section_head' }, P0 - MIN, 'leader1'),
    ev(
      'publication.reviewer_designated',
      { userId: 'officer1', post: 'review_officer' },
      P0 - MIN,
      'leader1',
    ),
    ev('publication.submitted', SUBMISSION, P0, 'clerk'),
  ]
}

/** A full review: head1 first, then leader1 and classifier1. */
export function reviewed(ev = pubEvent()): SliceEvent[] {
  const { review } = itemSteps(ev)
  return [
    ...designated(ev),
    review('section_head', 'pass', P0 + MIN, 'head1'),
    review('responsible_leader', 'pass', P0 + 2 * MIN, 'leader1'),
    review('classifier', 'pass', P0 + 3 * MIN, 'classifier1'),
  ]
}
