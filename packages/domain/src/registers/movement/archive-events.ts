import { z } from 'zod'
import { entityId, ids, levelSchema, name, note, shortText } from './event-fields.ts'

/** Events of archived files (案卷, rules C-10, C-21) in the movement register: their carriers, consultation. */

/**
 * rules C-10, C-21: an archived file (案卷, file number `fileId`) registered with the carriers it holds,
 * each archived under C-10; consulting or lending the file then moves those carriers with it.
 */
export const archiveFileRegisteredSchema = z.strictObject({
  fileId: entityId,
  level: levelSchema,
  carrierIds: ids.min(1),
})

/** rule C-21: the office head approves `consultant` consulting the archived files `archiveFileIds`. */
export const consultationApprovedSchema = z.strictObject({
  archiveFileIds: ids.min(1),
  consultant: name,
})

/** rule C-21: a consultation registered (查档登记): who, from where, which files and which part of each. */
export const consultationRegisteredSchema = z.strictObject({
  consultationId: entityId,
  consultant: name,
  consultantUnit: name,
  /** A 基层单位 presents a letter of introduction stating what it consults. */
  fromBasicUnit: z.boolean(),
  introductionLetterRef: shortText.optional(),
  statedContent: shortText.optional(),
  files: z
    .array(z.strictObject({ fileId: entityId, level: levelSchema, part: name }))
    .min(1)
    .max(50),
  location: z.enum(['archive_room', 'archive_reading_room', 'office', 'elsewhere']),
  approvalId: entityId.optional(),
})

/** rule C-21: an excerpt (摘抄), from the registered part only, checked and stamped before it leaves. */
export const consultationExcerptRecordedSchema = z.strictObject({
  consultationId: entityId,
  excerptId: entityId,
  fileId: entityId,
  withinRegisteredPart: z.boolean(),
  checkedBy: shortText,
  stamped: z.boolean(),
})

/** rule C-21: the consultation ends; files not back in the archive are listed. */
export const consultationClosedSchema = z.strictObject({
  consultationId: entityId,
  missingFileIds: ids,
  note: note.optional(),
})
