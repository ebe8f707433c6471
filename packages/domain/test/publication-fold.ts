import type { PublicationEventPayloads } from '../src/publication-events.ts'
import { publicationSlice } from '../src/publication-slice.ts'
import type { PublicationState, PublicationWork } from '../src/publication-state.ts'
import type { RegisterSlice, SliceEvent } from '../src/register-slice.ts'
import { local } from './fixtures.ts'
import { eventBuilder, foldSlice } from './responsibility-fold.ts'

export const P0 = local('2026-03-02T09:00')
export const MIN = 60_000

export const pubEvent = () => eventBuilder<PublicationEventPayloads>('p')

export function foldPublication(
  events: readonly SliceEvent[],
  slice: RegisterSlice<PublicationWork, PublicationState> = publicationSlice,
) {
  return foldSlice(slice, events)
}

export const SUBMISSION: PublicationEventPayloads['publication.submitted'] = {
  itemId: 'i1',
  title: '2026年春耕生产通知',
  channel: '镇政府门户网站',
  scope: '社会公开',
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
  return [
    ...designated(ev),
    ev(
      'publication.reviewed',
      { itemId: 'i1', capacity: 'section_head', decision: 'pass' },
      P0 + MIN,
      'head1',
    ),
    ev(
      'publication.reviewed',
      { itemId: 'i1', capacity: 'responsible_leader', decision: 'pass' },
      P0 + 2 * MIN,
      'leader1',
    ),
    ev(
      'publication.reviewed',
      { itemId: 'i1', capacity: 'classifier', decision: 'pass' },
      P0 + 3 * MIN,
      'classifier1',
    ),
  ]
}
