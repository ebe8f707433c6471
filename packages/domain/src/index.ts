export { canonicalJson } from './canonical-json.ts'
export type { EventDraft, EventEnvelope } from './event-envelope.ts'
export { compareEvents, computeEventId, eventEnvelopeSchema, signEvent, verifyEventSignature } from './event-envelope.ts'
export type { Hlc, HlcParts } from './hlc.ts'
export { formatHlc, hlcWallMs, isHlc, parseHlc, receiveHlc, tickHlc } from './hlc.ts'
export type { DirectoryUser, KeyDirectory, SecurityAlert } from './key-directory.ts'
export { createSignatureCache, SecurityAlertKind, screenEvent } from './key-directory.ts'
export {
  isStateSecret,
  LEVEL_LABEL_EN,
  LEVEL_LABEL_ZH,
  LEVELS,
  Level,
  levelMarking,
  MAX_PERIOD_YEARS,
  requiresCopyNumbers,
} from './levels.ts'
export type { DomainError, Result } from './result.ts'
export { domainError, err, ok } from './result.ts'
export { ROLE_LABEL_ZH, ROLES, Role } from './roles.ts'
export type { KdfParams, SigningKeyPair, WrappedKey } from './signing-keys.ts'
export {
  DEFAULT_KDF_PARAMS,
  generateSigningKeyPair,
  publicKeyOf,
  unwrapSecretKey,
  wrappedKeySchema,
  wrapSecretKey,
} from './signing-keys.ts'
