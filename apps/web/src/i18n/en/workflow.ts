import type { workflowZh } from '../workflow-messages.ts'

/** English of workflow-messages.ts, loaded with the other English texts only once English is chosen. */
export const workflowEn: typeof workflowZh = {
  workflow: {
    more: 'More',
    moreOf: 'More actions on {serial}',
    rule: 'Rule {rule}',
    confirmOnly: 'Confirm to record this step.',
    overrideReason: 'Why this text is kept',
    overrideHint:
      'Only the officer may keep a flagged text, with a reason of at least {n} characters, recorded in the register (rule S-03)',
    movementAnomaly: {
      title: 'Loan and trip gaps',
      kind: 'Gap',
      'C-06': 'Missing or damaged at the loan return (rule C-06)',
      'C-08': 'Missing, damaged or custody broken on the trip (rule C-08)',
      'C-21': 'Archived files returned incomplete (rule C-21)',
    },
    selected: '{n} selected',
    batchSubject: '{n} selected: {serials}',
    away: { 'C-06': 'On loan', 'C-08': 'Carried out', 'C-21': 'File lent', 'C-10': 'Archived' },
  },
}
