import { z } from 'zod'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'
import { entityIdSchema, localDateSchema } from './events.ts'

/** Events of the secrecy education record (保密教育培训登记, rules T-01..T-03). Metadata only (S-01). */
export const TrainingEventType = {
  PlanAdopted: 'training.plan_adopted',
  SessionRecorded: 'training.session_recorded',
  AttendanceAdded: 'training.attendance_added',
} as const
export type TrainingEventType = (typeof TrainingEventType)[keyof typeof TrainingEventType]

/** rule T-03: the forms of education: lectures, videos, contests, tests (and other, e.g. 警示教育). */
export const TrainingKind = {
  Lecture: 'lecture',
  Video: 'video',
  Contest: 'contest',
  Test: 'test',
  Other: 'other',
} as const
export type TrainingKind = (typeof TrainingKind)[keyof typeof TrainingKind]

export const TRAINING_KIND_LABEL_ZH: Readonly<Record<TrainingKind, string>> = {
  lecture: '专题讲座',
  video: '观看警示教育片',
  contest: '知识竞赛',
  test: '考试测试',
  other: '其他',
}

const shortText = z.string().max(200)
const score = z.number().min(0).max(100)

/** rule T-03: one attendee; a score for contests and tests. */
export const trainingAttendeeSchema = z.strictObject({ personId: entityIdSchema, score: score.optional() })
export type TrainingAttendee = z.infer<typeof trainingAttendeeSchema>

/** rule T-03: the leading group's annual education plan, adopted by a leader. */
export const trainingPlanAdoptedSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  planRef: shortText.min(1),
  plannedSessions: z.number().int().positive().max(366),
})
export type TrainingPlanAdopted = z.infer<typeof trainingPlanAdoptedSchema>

/** rule T-03: a session with its type, hours, attendees and scores. */
export const trainingSessionRecordedSchema = z.strictObject({
  sessionId: entityIdSchema,
  kind: z.enum([
    TrainingKind.Lecture,
    TrainingKind.Video,
    TrainingKind.Contest,
    TrainingKind.Test,
    TrainingKind.Other,
  ]),
  heldOn: localDateSchema,
  // Half-hour steps, at most a full day: what a paper 培训记录 carries.
  hours: z
    .number()
    .positive()
    .max(24)
    .refine((h) => Number.isInteger(h * 2), 'hours in half-hour steps'),
  topic: shortText.min(1),
  attendees: z.array(trainingAttendeeSchema).min(1).max(2000),
})
export type TrainingSessionRecorded = z.infer<typeof trainingSessionRecordedSchema>

/** rule T-03: attendance added later to a recorded session (a sign-in sheet typed in afterwards). */
export const trainingAttendanceAddedSchema = z.strictObject({
  sessionId: entityIdSchema,
  attendee: trainingAttendeeSchema,
})
export type TrainingAttendanceAdded = z.infer<typeof trainingAttendanceAddedSchema>

export interface TrainingEventPayloads {
  'training.plan_adopted': TrainingPlanAdopted
  'training.session_recorded': TrainingSessionRecorded
  'training.attendance_added': TrainingAttendanceAdded
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/** The leading group (a leader) adopts the plan; the officer records sessions. */
export const trainingEvents = {
  'training.plan_adopted': def(trainingPlanAdoptedSchema, [Role.Leader]),
  'training.session_recorded': def(trainingSessionRecordedSchema, [Role.Officer]),
  'training.attendance_added': def(trainingAttendanceAddedSchema, [Role.Officer]),
} as const satisfies Record<TrainingEventType, EventDefinition>

export function isTrainingEventType(type: string): type is TrainingEventType {
  return Object.hasOwn(trainingEvents, type)
}
