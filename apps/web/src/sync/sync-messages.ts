import { type DomainError, domainError } from '@secledger/domain'

/**
 * Message types of the sync WebSocket (contracts.md): the first varUint of every binary frame.
 * Version 1 of the protocol; a change here is a change of the contract.
 */
export const SyncMessage = {
  Sync: 0,
  Ack: 100,
  Error: 101,
} as const

/** Close codes the server uses when it ends a connection on purpose: do not retry blindly. */
export const SyncCloseCode = {
  Unauthenticated: 4401,
  Forbidden: 4403,
} as const

export interface SyncError extends DomainError {
  readonly ref?: number
}

/** Chinese first: what the officer sees when the server refuses something (ARCHITECTURE decision 5). */
const KNOWN: Record<string, DomainError> = {
  'SYNC-UNAUTHENTICATED': domainError(
    'SYNC-UNAUTHENTICATED',
    '登录已失效，请联网重新登录后同步',
    'Session expired: sign in again to sync',
  ),
  'SYNC-FORBIDDEN': domainError(
    'SYNC-FORBIDDEN',
    '无权同步该单位的台账',
    'Not allowed to sync this unit’s register',
  ),
  'SYNC-IMMUTABLE': domainError(
    'SYNC-IMMUTABLE',
    '同步被拒绝：不允许删除或修改已登记的记录',
    'Sync refused: registered records cannot be deleted or changed',
  ),
  'SYNC-BAD-EVENT': domainError(
    'SYNC-BAD-EVENT',
    '同步被拒绝：记录的签名或权限无效',
    'Sync refused: a record’s signature or authority is invalid',
  ),
  'SYNC-MALFORMED': domainError('SYNC-MALFORMED', '同步被拒绝：数据格式错误', 'Sync refused: malformed data'),
  'SYNC-TOO-LARGE': domainError(
    'SYNC-TOO-LARGE',
    '同步被拒绝：单次数据过大',
    'Sync refused: message too large',
  ),
  // Issue 10: the server refuses an event dated more than the allowed skew ahead of its own time.
  'SYNC-CLOCK-SKEW': domainError(
    'SYNC-CLOCK-SKEW',
    '同步被拒绝：记录时间超出允许范围（本机时间异常），请校准系统时间',
    'Sync refused: a record’s time is out of the allowed range (this device’s clock is wrong): correct the system time',
  ),
  // The session was ended (logout elsewhere, expiry): close 4401 follows.
  'SYNC-SESSION-ENDED': domainError(
    'SYNC-SESSION-ENDED',
    '登录已结束，请重新登录后同步',
    'The session has ended: sign in again to sync',
  ),
  // Issue 10 item 3: a page of another origin (another port of this host) may not use the session.
  'ORIGIN-FORBIDDEN': domainError(
    'ORIGIN-FORBIDDEN',
    '请求来源不被允许：请从本系统的页面访问',
    'Request origin not allowed: use this system’s own pages',
  ),
}

/**
 * Parses an ERROR frame's JSON; unknown or broken bodies still give a readable message. A known code is
 * shown in this app's words (the officer reads one consistent "同步被拒绝：…" wording); the server's
 * message is used for codes this client does not know yet.
 */
export function parseSyncError(json: string): SyncError {
  let body: { code?: unknown; message?: { zh?: unknown; en?: unknown }; ref?: unknown } = {}
  try {
    body = JSON.parse(json) as typeof body
  } catch {
    body = {}
  }
  const code = typeof body.code === 'string' ? body.code : 'SYNC-UNKNOWN'
  const known = KNOWN[code]
  const zh = known?.message.zh ?? (typeof body.message?.zh === 'string' ? body.message.zh : '同步出错')
  const en = known?.message.en ?? (typeof body.message?.en === 'string' ? body.message.en : 'Sync error')
  const error = { code, message: { zh, en } }
  return typeof body.ref === 'number' ? { ...error, ref: body.ref } : error
}

export function syncErrorFor(code: keyof typeof KNOWN | string): SyncError {
  return KNOWN[code] ?? domainError(code, '同步出错', 'Sync error')
}
