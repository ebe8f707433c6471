import { type DomainError, domainError } from '@secledger/domain'

export const LOGIN_ERRORS = {
  failed: domainError('AUTH-FAILED', '用户名或密码错误', 'Wrong user name or password'),
  neverOnline: domainError(
    'AUTH-NOT-CACHED',
    '此设备未曾在线登录过该账号，请联网登录',
    'This account has never signed in on this device; sign in once while online',
  ),
  badResponse: domainError(
    'AUTH-BAD-RESPONSE',
    '服务器返回的登录数据无效',
    'The server sent invalid login data',
  ),
} as const satisfies Record<string, DomainError>
