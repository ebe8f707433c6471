import { DEFAULT_CALENDAR, type EventEnvelope, formatHlc, localDay } from '@secledger/domain'
import { createFastSigner } from '../../bench/support/fast-signer.ts'

/**
 * `count` valid registrations of 内部 carriers in `unit`, stamped now, serials from `firstSerial`: what a
 * device uploads after a day of offline work. Signed through OpenSSL (the pure-JS signer would take
 * seconds for thousands); byte-for-byte what `signEvent` makes.
 */
export function bulkRegistrations(options: {
  readonly unit: string
  readonly actor: string
  readonly secretKey: string
  readonly count: number
  readonly firstSerial: number
  readonly device?: string
}): EventEnvelope[] {
  const sign = createFastSigner(options.secretKey)
  const device = options.device ?? 'bulk-device'
  const atMs = Date.now()
  const day = localDay(atMs, DEFAULT_CALENDAR)
  return Array.from({ length: options.count }, (_, i) => {
    const serialNo = options.firstSerial + i
    return sign({
      unit: options.unit,
      type: 'carrier.registered',
      actor: options.actor,
      device,
      at: formatHlc({ wallMs: atMs, counter: i, node: device }),
      payload: {
        kind: 'paper',
        direction: 'received',
        issuer: '县委办公室',
        docNumber: `县委办〔${day.year}〕${serialNo}号`,
        title: `关于第${serialNo}项工作的通知`,
        level: 'internal',
        periodYears: null,
        scope: '镇领导班子',
        serial: `${day.year}-${String(serialNo).padStart(5, '0')}`,
        receivedOn: day.date,
        copies: [{ id: `${options.unit}-b${serialNo}`, copyNumber: null }],
      },
    })
  })
}
