/**
 * County/unit configuration of publication review (rules R-01..R-06). Leak deadlines run on calendar
 * time around the clock: a page online does not wait for office hours.
 */
export interface PublicationPolicy {
  /**
   * rule R-06: taken down "at once" (立即). A zero deadline would make every finding overdue the
   * instant it is recorded; one hour is the policy's reading of "at once".
   */
  readonly takeDownWithinMs: number
  /** rule R-06: reported to the secrecy bureau within 24 hours of the finding (as rule X-01). */
  readonly reportWithinMs: number
}

const HOUR = 3_600_000

export const DEFAULT_PUBLICATION_POLICY: PublicationPolicy = {
  takeDownWithinMs: HOUR,
  reportWithinMs: 24 * HOUR,
}
