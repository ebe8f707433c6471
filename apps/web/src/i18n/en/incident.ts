import type { incidentZh } from '../incident-messages.ts'

/** English of incident-messages.ts, loaded with the other English texts only once English is chosen. */
export const incidentEn: typeof incidentZh = {
  incident: {
    title: 'Incidents',
    basis:
      'Rules X-01, X-02: a leak or loss is remedied at once, reported to the secrecy bureau within 24 hours, its written result within 3 months; hiding it is itself a violation. A carrier an inventory, inspection or return cannot find is recorded as missing; still missing after 10 days (top secret) or 60 days (secret, confidential) it is a leak. Numbers, times and references only, no classified content (rule S-01)',
    empty: 'No incident or missing carrier recorded',
    query: {
      keyword: 'Keyword',
      keywordHint: 'Number, carrier number, reference',
      status: 'Status',
      overdueOnly: 'Overdue only',
    },
    status: { open: 'Open', closed: 'Closed' },
    col: {
      number: 'Number',
      category: 'Kind',
      level: 'Level',
      carriers: 'Carriers',
      discoveredAt: 'Discovered',
      progress: 'Handling',
      state: 'State',
    },
    category: { suspected_leak: 'Suspected leak', loss: 'Loss', missing: 'Carrier missing' },
    state: {
      open: 'To report',
      reported: 'Result due',
      concluded: 'Concluded',
      closed_found: 'Closed, found',
      searching: 'Searching',
      leak: 'Treated as leak',
      escalated: 'Incident opened',
      found: 'Found',
    },
    deadline: {
      report_to_bureau: 'Report to bureau',
      written_result: 'Written result',
      leak: 'treated as leak',
    },
    dueBy: '{what} by {time}',
    overdueSince: '{what} overdue ({time})',
    leakFrom: 'From {time} {what}',
    late: { report_to_bureau: 'Reported after 24 hours', written_result: 'Result delivered late' },
    reported: 'Reported: {ref}',
    notReported: 'Not reported',
    remedies: '{n} remedies',
    noRemedy: 'No remedy recorded',
    result: 'Result: {ref}',
    foundAt: 'Found {time}',
    escalatedTo: 'Incident {id}',
    source: {
      reconciliation: 'Missing at inventory',
      inspection: 'Missing at inspection',
      return: 'Missing at return',
    },
    noCarrier: 'no carrier listed',
    subject: '{category} {id} · {carriers}',
    todo: { incident: 'Incident {ref}', missing: 'Missing carrier {ref} ({item})' },
  },
}
