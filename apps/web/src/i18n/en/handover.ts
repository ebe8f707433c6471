import type { handoverZh } from '../handover-messages.ts'

/** English of handover-messages.ts, loaded with the other English texts only once English is chosen. */
export const handoverEn: typeof handoverZh = {
  handover: {
    title: 'Hand-over',
    basis:
      'Rule C-12: every classified carrier comes back before a person leaves a post; rule C-17: a unit abolished or merged hands its carriers and registers over against a signed receipt',
    loading: "Opening the unit's registers…",
    list: {
      keyword: 'Keyword',
      keywordHint: 'Serial, document number, title, holder',
      person: 'Holder',
      serial: 'Serial',
      docNumber: 'Document number',
      titleCol: 'Title',
      level: 'Level',
      how: 'How',
      since: 'Since',
      empty: 'No carrier matches',
    },
    how: {
      'C-04': 'Handed out',
      'C-08': 'Carried out',
      'C-14': 'Meeting copy',
      'C-21': 'Consulted',
    },
    person: {
      heading: 'Leaving a post',
      basis:
        'Choose the person leaving to see every carrier they hold; hand-outs are taken back here, trips, meetings and consultations close in their own registers',
      who: 'Person leaving',
      option: '{name} ({n})',
      holds: '{name} still holds {n} carrier(s); all must come back before leaving (rule C-12)',
      nothing: 'Everything is back: the person may leave the post (rule C-12)',
      nobody: 'Nobody holds a classified carrier now',
      takeBack: 'Take back',
      takeBackOne: 'Take back',
      takeBackOf: 'Take back {name}',
      takeBackSelected: 'Take back selected',
      takeBackAll: 'Take back all hand-outs of {name}',
      takeBackConfirm: 'Confirm these {n} carrier(s) are back with the officer: {items}?',
      takenBack: '{n} taken back',
      inRegister: 'Open in the register',
    },
    closure: {
      heading: 'Closing the unit',
      basis:
        'When the unit is abolished or merged, its carriers, archive and registers go to the unit taking over its functions or to its superior, batch by batch against a receipt; the unit closes after that (rule C-17)',
      none: "No closure is declared. The unit's leader declares it on the superior's decision",
      noneLeader:
        "No closure is declared. On the superior's decision, declare it here and the hand-over starts",
      declareSubject: 'Once declared, carriers go only to the receiving units the decision names',
      decided: '{kind}: {ref}, receiving {units} (declared by {who} {time})',
      kind: { abolished: 'Abolished', merged: 'Merged' },
      closed: 'The unit closed at {time}; its custody register is read-only',
      checklist: 'Before closing',
      check: {
        carriers: 'Every carrier handed over ({n} left)',
        inventory: 'No inventory under way',
        gaps: 'Every inventory gap resolved ({n} open)',
        registers: 'The registers handed over against a receipt',
      },
      done: 'done',
      open: 'not done',
      batches: 'Hand-over batches',
      batch: '{time} to {unit}, receipt {receipt}, {n} carrier(s)',
      withRegisters: ', with the registers',
      where: 'Where',
      reason: {
        in_custody: 'In custody',
        archived: 'Archived',
        held_by_reader: 'Handed out: take back first',
        away: '{rule} away: bring back first',
      },
      nothingLeft: 'Every carrier is handed over',
      registersOnly: 'This batch is the registers alone',
      handOverRegisters: 'Hand over the registers',
    },
  },
}
