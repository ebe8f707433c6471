import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { z } from 'zod'
import { freeTextOf, hasFreeText, visitFreeTexts } from '../core/free-text-fields.ts'
import { type DomainError, domainError } from '../core/result.ts'
import { createTextScreener, screenFreeText, type TextScreener } from '../core/text-screening.ts'
import type { ScreeningPolicy } from '../registers/screening/policy.ts'
import type { ScreeningState, ScreeningWork } from '../registers/screening/state.ts'
import type { ComposedSlices } from './slices.ts'

/**
 * rule S-03 at the gate: every free-text field of every register's event (core/free-text-fields.ts) is
 * screened in checkEvent and in the fold, so no path (form, import, API) stores a marked text. A hit
 * passes only when an officer's earlier override (registers/screening) names that exact text.
 */

const screeners = new WeakMap<ScreeningPolicy, TextScreener>()

function screenerOf(policy: ScreeningPolicy): TextScreener {
  let screener = screeners.get(policy)
  if (screener === undefined) {
    screener = createTextScreener(policy.sensitiveWords)
    screeners.set(policy, screener)
  }
  return screener
}

/** The hash an override names a text by: SHA-256 of its UTF-8 bytes, hex. */
export function screeningTextHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/**
 * Verdicts the fold reuses (the gate runs on every event of every fold: uncached it was half the time
 * of a 100,000-event fold). Only clean verdicts are kept, since a hit depends on the overrides folded
 * so far: per policy, the texts found clean (issuers, scopes and readers repeat across a register, and
 * a refold meets the same strings again), bounded. Not the payload objects: a WeakSet of 100,000
 * payloads cost more (identity hashes, ephemerons for the collector) than the string lookups it saved.
 */
const MAX_CLEAN_TEXTS = 50_000
const cleanTexts = new WeakMap<ScreeningPolicy, Set<string>>()

function memoOf<K extends object, V>(memo: WeakMap<K, V>, key: K, make: () => V): V {
  let value = memo.get(key)
  if (value === undefined) {
    value = make()
    memo.set(key, value)
  }
  return value
}

/** The S-03 refusal of a payload's first flagged and not overridden text, or null. */
export function screenPayloadText(
  schema: z.ZodType,
  payload: unknown,
  policy: ScreeningPolicy,
  overrides: ScreeningState['overrides'] | undefined,
): DomainError | null {
  if (!hasFreeText(schema)) return null
  pass.texts = memoOf(cleanTexts, policy, () => new Set<string>())
  pass.policy = policy
  pass.flagged = false
  visitFreeTexts(schema, payload, screenOne)
  return pass.flagged ? firstRefusal(schema, payload, policy, overrides) : null
}

/**
 * The screening under way (the fold screens every event: one visitor, no closure or array per event;
 * screening is synchronous, so one pass at a time).
 */
const pass: { texts: Set<string>; policy: ScreeningPolicy | null; flagged: boolean } = {
  texts: new Set(),
  policy: null,
  flagged: false,
}

function screenOne(text: string): void {
  const texts = pass.texts
  if (texts.has(text)) return
  if (screenFreeText(screenerOf(pass.policy as ScreeningPolicy), text).ok) {
    if (texts.size >= MAX_CLEAN_TEXTS) texts.clear()
    texts.add(text)
  } else pass.flagged = true
}

/** The refusal of the first flagged text, with its field's path, unless an override names it. */
function firstRefusal(
  schema: z.ZodType,
  payload: unknown,
  policy: ScreeningPolicy,
  overrides: ScreeningState['overrides'] | undefined,
): DomainError | null {
  for (const { path, text } of freeTextOf(schema, payload)) {
    const verdict = screenFreeText(screenerOf(policy), text)
    // passes only by an override: judged again in every fold
    if (verdict.ok || overrides?.has(screeningTextHash(text))) continue
    const error = verdict.error
    return domainError('S-03', `${path}：${error.message.zh}`, `${path}: ${error.message.en}`, {
      ...error.details,
      field: path,
    })
  }
  return null
}

/**
 * rule S-03 for one event of any register: its free text against the overrides folded so far (the
 * screening register's working state among `works`, undefined while no override was recorded).
 */
export function screenEventText(
  slices: ComposedSlices,
  works: readonly unknown[],
  schema: z.ZodType | undefined,
  payload: unknown,
  policy: ScreeningPolicy,
): DomainError | null {
  if (schema === undefined) return null
  const index = slices.indexOf.get('screening')
  const screening = index === undefined ? undefined : (works[index] as ScreeningWork | undefined)
  return screenPayloadText(schema, payload, policy, screening?.overrides)
}
