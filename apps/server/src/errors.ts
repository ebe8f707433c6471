import type { DomainError } from '@secledger/domain'

/**
 * The closed set of errors the server itself raises (STYLE habit 7). The HTTP status or the
 * WebSocket close code is chosen at the edge, never here.
 */
export const ServerError = {
  AuthFailed: { code: 'AUTH-FAILED', message: { zh: '用户名或密码错误', en: 'Wrong user name or password' } },
  AuthRateLimited: {
    code: 'AUTH-RATE-LIMITED',
    message: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins, try again later' },
  },
  AuthRequired: { code: 'AUTH-REQUIRED', message: { zh: '请先登录', en: 'Please log in' } },
  Forbidden: { code: 'AUTH-FORBIDDEN', message: { zh: '无权访问', en: 'Not allowed' } },
  RequestInvalid: { code: 'REQUEST-INVALID', message: { zh: '请求格式不正确', en: 'Invalid request' } },
  NotFound: { code: 'NOT-FOUND', message: { zh: '未找到', en: 'Not found' } },
  TownshipUnknown: {
    code: 'COUNTY-TOWNSHIP-UNKNOWN',
    message: { zh: '不是本县所辖乡镇', en: 'Not a township of this county' },
  },
  Internal: { code: 'INTERNAL', message: { zh: '服务器内部错误', en: 'Internal server error' } },
  SyncUnauthenticated: {
    code: 'SYNC-UNAUTHENTICATED',
    message: { zh: '未登录，无法同步', en: 'Not logged in, cannot sync' },
  },
  SyncForbidden: {
    code: 'SYNC-FORBIDDEN',
    message: { zh: '无权同步该单位的台账', en: "Not allowed to sync this unit's register" },
  },
  SyncImmutable: {
    code: 'SYNC-IMMUTABLE',
    message: { zh: '台账记录不可删除或修改', en: 'Register events cannot be deleted or changed' },
  },
  SyncBadEvent: {
    code: 'SYNC-BAD-EVENT',
    message: {
      zh: '记录的签名、人员、角色或单位不正确',
      en: 'An event has a bad id, signature, actor, role or unit',
    },
  },
  SyncMalformed: {
    code: 'SYNC-MALFORMED',
    message: { zh: '同步数据格式错误', en: 'Malformed sync message' },
  },
  SyncClockSkew: {
    code: 'SYNC-CLOCK-SKEW',
    message: {
      zh: '记录时间超出允许范围，请校准本机时间后重试',
      en: "An event's time is out of the allowed range: correct this device's clock and retry",
    },
  },
  OriginForbidden: {
    code: 'ORIGIN-FORBIDDEN',
    message: { zh: '请求来源不被允许', en: 'Request origin not allowed' },
  },
  UnsupportedMediaType: {
    code: 'REQUEST-NOT-JSON',
    message: {
      zh: '请求须为 JSON 格式（application/json）',
      en: 'The request body must be application/json',
    },
  },
  SessionEnded: {
    code: 'SYNC-SESSION-ENDED',
    message: { zh: '登录已结束，请重新登录后同步', en: 'The session has ended: sign in again to sync' },
  },
  SyncTooLarge: {
    code: 'SYNC-TOO-LARGE',
    message: { zh: '同步数据过大（超过 8 MiB）', en: 'Sync message too large (over 8 MiB)' },
  },
} as const satisfies Record<string, DomainError>

export type ServerErrorCode = (typeof ServerError)[keyof typeof ServerError]['code']

/** The JSON body of every HTTP error. */
export function errorBody(error: DomainError): {
  error: { code: string; message: { zh: string; en: string } }
} {
  return { error: { code: error.code, message: { zh: error.message.zh, en: error.message.en } } }
}
