import {
  type OutgoingDocument,
  type OutgoingState,
  reconciliation,
} from '@secledger/domain/registers/outgoing'

/**
 * rules C-09, C-20: the reconciliation of one outgoing document as the register shows it:
 * 印制数 = 本单位存档 + 外单位存档 + 清退回收 + 销毁. The domain accounts for the good copies (C-09); the
 * spoiled ones (残次品) are intermediate material of the print job (C-20), destroyed under C-11, so the
 * sheets printed are balanced only when those are destroyed (or kept as registered carriers) too.
 */
export interface OutgoingFigures {
  /** 印制数: every sheet the print jobs produced, spoiled ones included. */
  readonly printed: number
  readonly spoiled: number
  readonly archivedHere: number
  readonly archivedAtRecipients: number
  readonly returned: number
  /** 销毁: spoiled copies destroyed (C-20, under C-11). */
  readonly destroyed: number
  /** Spoiled copies kept and registered as carriers (C-20): accounted for, not destroyed. */
  readonly keptSpoiled: number
  /** printed − (the four terms + kept spoiled ones): what is not accounted for; 0 when it balances. */
  readonly difference: number
  /** Spoiled copies neither destroyed nor kept yet (C-20). */
  readonly spoiledPending: number
  /** Good copies still in this office or with a recipient, not yet accounted for (份号). */
  readonly openCopies: readonly number[]
  /**
   * 'gap' / 'gap_resolved': the domain's reconciliation found copies unaccounted for (an anomaly, open
   * or resolved); otherwise by the live figures.
   */
  readonly verdict: 'balanced' | 'difference' | 'gap' | 'gap_resolved'
  readonly reconciledAt: number | null
}

/** rules C-09, C-20: the figures of `doc` now, with the domain's verdict when it was reconciled. */
export function outgoingFigures(state: OutgoingState, doc: OutgoingDocument): OutgoingFigures {
  const domain = reconciliation(state, doc.id)
  let printed = 0
  let spoiled = 0
  let destroyed = 0
  let keptSpoiled = 0
  for (const jobId of doc.printJobIds) {
    const job = state.printJobs.get(jobId)
    if (job === undefined) continue
    printed += job.printedCount
    spoiled += job.spoiledCount
    const defective = job.material.find((m) => m.kind === 'defective')
    destroyed += defective?.destroyed ?? 0
    keptSpoiled += defective?.kept ?? 0
  }
  const archivedHere = domain?.archivedHere ?? 0
  const archivedAtRecipients = domain?.archivedAtRecipients ?? 0
  const returned = domain?.returned ?? 0
  const difference = printed - archivedHere - archivedAtRecipients - returned - destroyed - keptSpoiled
  const status = domain?.status ?? 'pending'
  return {
    printed,
    spoiled,
    archivedHere,
    archivedAtRecipients,
    returned,
    destroyed,
    keptSpoiled,
    difference,
    spoiledPending: spoiled - destroyed - keptSpoiled,
    openCopies: doc.copies.filter((c) => c.status === 'here' || c.status === 'sent').map((c) => c.number),
    verdict:
      status === 'gap_open'
        ? 'gap'
        : status === 'gap_resolved'
          ? 'gap_resolved'
          : difference === 0
            ? 'balanced'
            : 'difference',
    reconciledAt: domain?.reconciledAt ?? null,
  }
}

/** The four terms of the equation as the page's texts name them (印制数 = 本单位存档 + …). */
export function figureTerms(
  f: OutgoingFigures,
): Record<'printed' | 'here' | 'there' | 'returned' | 'destroyed', number> {
  return {
    printed: f.printed,
    here: f.archivedHere,
    there: f.archivedAtRecipients,
    returned: f.returned,
    destroyed: f.destroyed,
  }
}
