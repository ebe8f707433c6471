/** A text in both languages (zh-CN first, as every message the apps show). */
export interface HistoryText {
  readonly zh: string
  readonly en: string
}

/**
 * Whether the event's signature checks out against the key directory: 'invalid' when the signer is not
 * in the directory, the id does not match the content or the signature is not the signer's.
 */
export type HistorySignature = 'verified' | 'invalid'

/** Why the register did not apply an event: its code (a rule ID or another closed code) and message. */
export interface HistoryRefusal {
  readonly code: string
  readonly zh: string
  readonly en: string
}

/**
 * One line of a record's 操作日志 (an event of the register's log, as an inspector reads it): who signed
 * what, when, whether the signature holds and whether the register applied it. Metadata only (rule S-01):
 * the apps build `detail` from ids, names, numbers and times, never from titles or notes.
 */
export interface HistoryEntry {
  readonly eventId: string
  /** When it was recorded (the wall time of the event's clock), ms. */
  readonly at: number
  /** 补录 (a late entry): when it happened, ms; absent when it was recorded as it happened. */
  readonly happenedAt?: number
  readonly actorId: string
  /** The signer's display name from the key directory, or the id when the directory does not know it. */
  readonly actorName: string
  readonly type: string
  readonly label: HistoryText
  /** A short summary (借给 刘读者；复制 2 份…); empty texts when there is nothing to add to the label. */
  readonly detail: HistoryText
  readonly signature: HistorySignature
  /** Refused or ignored by the register (未生效), with the reason; null when it was applied. */
  readonly refused: HistoryRefusal | null
}
