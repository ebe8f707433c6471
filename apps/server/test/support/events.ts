import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  desensitizeTitle,
  type EventEnvelope,
  formatHlc,
  type Level,
  localDay,
  signEvent,
} from '@secledger/domain'
import * as Y from 'yjs'

let counter = 0

function at(device: string, atMs: number): string {
  counter = (counter + 1) % 1000
  return formatHlc({ wallMs: atMs, counter, node: device })
}

export interface RegistrationOptions {
  readonly unit: string
  readonly actor: string
  readonly secretKey: string
  readonly serialNo: number
  readonly level?: Level
  readonly title?: string
  readonly scope?: string
  readonly copies?: readonly { id: string; copyNumber: number | null }[]
  readonly device?: string
  readonly atMs?: number
  /** Skip the S-02 masking (to test that the server refuses it). */
  readonly unmaskedTitle?: boolean
}

/** A signed carrier.registered of `unit`, registered now (rule C-01: same day, serial of this year). */
export function registration(options: RegistrationOptions): EventEnvelope {
  const atMs = options.atMs ?? Date.now()
  const device = options.device ?? 'test-device'
  const day = localDay(atMs, DEFAULT_CALENDAR)
  const level = options.level ?? 'confidential'
  const serial = `${day.year}-${String(options.serialNo).padStart(4, '0')}`
  return signEvent(
    {
      unit: options.unit,
      type: 'carrier.registered',
      actor: options.actor,
      device,
      at: at(device, atMs),
      payload: {
        kind: 'paper',
        direction: 'received',
        issuer: '测试机关',
        docNumber: `测〔${day.year}〕${options.serialNo}号`,
        title: options.unmaskedTitle
          ? (options.title ?? '测试文件')
          : desensitizeTitle(options.title ?? '测试文件', level, DEFAULT_UNIT_POLICY),
        level,
        periodYears: level === 'confidential' || level === 'secret' || level === 'top_secret' ? 5 : null,
        scope: options.scope ?? '班子成员',
        serial,
        receivedOn: day.date,
        copies: options.copies ?? [
          {
            id: `${options.unit}-t${options.serialNo}`,
            copyNumber: level === 'secret' || level === 'top_secret' ? 1 : null,
          },
        ],
      },
    },
    options.secretKey,
  )
}

/** Any event, signed with `secretKey` (which need not be the actor's: forgeries). */
export function signed(
  draft: { unit: string; type: string; actor: string; payload: unknown; device?: string; atMs?: number },
  secretKey: string,
): EventEnvelope {
  const device = draft.device ?? 'test-device'
  return signEvent(
    {
      unit: draft.unit,
      type: draft.type,
      actor: draft.actor,
      device,
      at: at(device, draft.atMs ?? Date.now()),
      payload: draft.payload,
    },
    secretKey,
  )
}

/** Adds events to a doc the way the web app does: one entry per event, keyed by id. */
export function addEvents(doc: Y.Doc, events: readonly EventEnvelope[]): void {
  const map = doc.getMap('events')
  doc.transact(() => {
    for (const event of events) map.set(event.id, { ...event })
  })
}

/** The update that adds `events` to a fresh doc (its own client id). */
export function updateWith(events: readonly EventEnvelope[]): Uint8Array {
  const doc = new Y.Doc()
  addEvents(doc, events)
  return Y.encodeStateAsUpdate(doc)
}
