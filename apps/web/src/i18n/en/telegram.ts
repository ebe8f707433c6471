import type { telegramZh } from '../telegram-messages.ts'

/** English of telegram-messages.ts, loaded with the other English texts only once English is chosen. */
export const telegramEn: typeof telegramZh = {
  registerPage: {
    more: 'Act',
    moreOf: 'Act on {subject}',
  },
  telegram: {
    title: 'Cipher telegrams',
    basis:
      'Rules E-01..E-06: every telegram registered; receipt within 15 minutes; handled within 3 days (routine), 2 (urgent), 1 (very urgent), at once (flash), around the clock; very urgent and above and important content reported to the head; an early warning needs the head present; answered in cipher; never copied, printed, carried out or mailed',
    empty: 'No telegram registered yet',
    query: { keyword: 'Keyword', keywordHint: 'Serial, unit, telegram number', overdueOnly: 'Overdue only' },
    col: {
      serial: 'Serial',
      direction: 'In/out',
      counterpart: 'From / to',
      docNumber: 'Telegram no.',
      level: 'Level',
      precedence: 'Precedence',
      at: 'Time',
      state: 'State',
    },
    direction: { received: 'Received', sent: 'Sent' },
    state: { open: 'Open', handled: 'Closed', sent: 'Sent' },
    precedence: { routine: 'Routine', urgent: 'Urgent', very_urgent: 'Very urgent', flash: 'Flash' },
    deadline: { acknowledgement: 'Receipt', report_to_head: 'Report to head', handling: 'Closing' },
    important: 'Important',
    earlyWarning: 'Early warning',
    dueBy: '{what} by {time}',
    overdueSince: '{what} overdue ({time})',
    subject: '{direction} {serial} · {counterpart} · {docNumber}',
  },
}
