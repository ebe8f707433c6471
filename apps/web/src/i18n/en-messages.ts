import { handoverEn } from './en/handover.ts'
import { incidentEn } from './en/incident.ts'
import { inventoryEn } from './en/inventory.ts'
import { outgoingEn } from './en/outgoing.ts'
import { publicationEn } from './en/publication.ts'
import { telegramEn } from './en/telegram.ts'
import { workflowEn } from './en/workflow.ts'
import { en } from './en.ts'
import type { MessageSchema } from './zh-CN.ts'

/**
 * The English texts, loaded only once English is chosen (index.ts, issue 12 "Bytes"): every route's first
 * download carries zh-CN alone. Each page's English sits in en/, apart from its Chinese.
 */
export const enMessages: MessageSchema = {
  ...en,
  ...workflowEn,
  ...inventoryEn,
  ...outgoingEn,
  ...handoverEn,
  ...telegramEn,
  ...publicationEn,
  ...incidentEn,
}
