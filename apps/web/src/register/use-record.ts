import {
  type DomainError,
  domainError,
  type EventEnvelope,
  type UnitEventPayloads,
  type UnitEventType,
} from '@secledger/domain'
import { ElMessage } from 'element-plus'
import { shallowRef } from 'vue'
import { errorText } from '../i18n/index.ts'
import { activeWriter } from '../sync/replica-session.ts'

const NO_REPLICA = domainError(
  'AUTH-LOCKED',
  '台账未打开，请重新登录',
  'The register is not open: sign in again',
)

/**
 * Records one event through the replica's writer. A refusal of the domain's block rules is kept
 * for the dialog's RefusalAlert and shown as a message; nothing is written then.
 */
export function useRecord() {
  const refusal = shallowRef<DomainError | null>(null)
  const busy = shallowRef(false)

  async function record<T extends UnitEventType>(
    type: T,
    payload: UnitEventPayloads[T],
  ): Promise<EventEnvelope | null> {
    refusal.value = null
    const writer = activeWriter()
    if (!writer) {
      refusal.value = NO_REPLICA
      ElMessage.error(errorText(NO_REPLICA))
      return null
    }
    busy.value = true
    try {
      const result = await writer.write(type, payload)
      if (!result.ok) {
        refusal.value = result.error
        ElMessage.error(errorText(result.error))
        return null
      }
      return result.value
    } finally {
      busy.value = false
    }
  }

  return { refusal, busy, record }
}
