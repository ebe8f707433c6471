import { LEVEL_WORDS, markingAround, markingFromStar } from './level-marking.ts'
import { type DomainError, domainError, err, ok, type Result } from './result.ts'
import { compileWordMatcher } from './sensitive-word-matcher.ts'
import { createTextFolder, type FoldedText } from './text-fold.ts'

/**
 * rule S-03: free-text fields (titles of lower levels, scope, notes, reasons, findings…) are screened
 * before saving for classification markings (classification-marking.ts says what counts) and for the
 * unit's sensitive-word list. A hit asks the officer to rephrase; the officer may override with a reason,
 * which the caller records in the event together with the hits.
 */

export const ScreeningHitKind = { Marking: 'marking', SensitiveWord: 'sensitive_word' } as const
export type ScreeningHitKind = (typeof ScreeningHitKind)[keyof typeof ScreeningHitKind]

export interface ScreeningHit {
  readonly kind: ScreeningHitKind
  /** The original substring: `text.slice(start, end) === match` (UTF-16 offsets, never inside a pair). */
  readonly match: string
  readonly start: number
  readonly end: number
  /** The listed word as configured (sensitive_word only). */
  readonly word?: string
}

export interface ScreeningResult {
  /** Sorted by start, then end; overlapping hits are all reported. */
  readonly hits: readonly ScreeningHit[]
}

/** Compiled once per word list, then used on every keystroke. */
export interface TextScreener {
  screen(text: string): ScreeningResult
  /** Words kept: empty (after folding) and duplicate entries are dropped. */
  readonly wordCount: number
}

/** An officer's override of an S-03 hit. */
export interface ScreeningOverride {
  readonly reason: string
}

/** What passes: no hit, or hits overridden with a reason; the caller logs `hits` and `reason` when overridden. */
export interface ScreeningPassed {
  readonly overridden: boolean
  readonly hits: readonly ScreeningHit[]
  /** The trimmed reason, only when overridden. */
  readonly reason?: string
}

/** Letters and digits an override reason needs (whitespace, punctuation and invisible characters do not count). */
export const MIN_OVERRIDE_REASON_LENGTH = 4

const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u

/** Letters and digits of alphabetic scripts; ideographs are excluded, they have no word boundaries. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)
  return c >= 0xc0 && c < 0x2e80 && WORD_CHAR_RE.test(String.fromCodePoint(c))
}

/**
 * A listed word starting or ending with a letter or digit matches only at a word boundary (whitespace,
 * punctuation or a CJK character), so `ab` is not found in `tab` nor `test` across `best estimate`;
 * `t e s t` still is, as spaces inside a match are evasion.
 */
function atWordBoundary(f: FoldedText, i: number): boolean {
  if (i <= 0 || i >= f.length || f.spaceBefore[i] === 1) return true
  return !(isWordChar(f.chars[i - 1] as number) && isWordChar(f.chars[i] as number))
}

const MI = 0x5bc6 // 密: every level word (绝密, 机密, 秘密) and the 〔密〕 shape hold it
const SAFE_PUNCTUATION = new Set(
  Array.from('〔〕（）【】《》〈〉「」、，。：；！？“”‘’·—…０１２３４５６７８９', (c) => c.codePointAt(0)),
)

/**
 * Whether a text cannot hold a marking, by its characters alone: printable ASCII, unified
 * ideographs (they fold to themselves, text-fold.ts) but 密, common full-width punctuation and digits,
 * and `*`/`＊` only as a run ending the text. A marking needs 密 or a star, so such a text has none. Most register text (names, 文号,
 * 脱密 titles) is like this; the rest goes through folding, which is most of the gate's cost.
 */
export function cannotHoldMarking(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // `*`/`＊` begins a marking only before a period (`*10年`): a run of them to the end of the text (the
    // S-02 title mask `关于＊＊＊`) does not.
    if (c === 0x2a || c === 0xff0a) {
      if (!onlyStarsFrom(text, i)) return false
      return true
    }
    if (c >= 0x20 && c <= 0x7e) continue
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (c === MI) return false
      continue
    }
    if (!SAFE_PUNCTUATION.has(c)) return false
  }
  return true
}

function onlyStarsFrom(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x2a && c !== 0xff0a) return false
  }
  return true
}

const NO_HITS: ScreeningResult = { hits: [] }

export function createTextScreener(words: readonly string[]): TextScreener {
  const folder = createTextFolder()
  const kept: string[] = []
  const patterns: number[][] = []
  const seen = new Set<string>()
  for (const word of words) {
    const folded = folder.foldWord(word)
    const key = String.fromCodePoint(...folded)
    if (folded.length === 0 || seen.has(key)) continue
    seen.add(key)
    kept.push(word)
    patterns.push(folded)
  }
  const wordCount = kept.length
  for (const level of LEVEL_WORDS) patterns.push(folder.foldWord(level))
  const matcher = compileWordMatcher(patterns)

  function screen(text: string): ScreeningResult {
    if (wordCount === 0 && cannotHoldMarking(text)) return NO_HITS
    const f = folder.fold(text)
    const hits: ScreeningHit[] = []
    const markings: [number, number][] = []
    const hit = (kind: ScreeningHitKind, from: number, to: number, word?: string): void => {
      const start = f.starts[from] as number
      const end = f.ends[to - 1] as number
      const match = text.slice(start, end)
      hits.push(word === undefined ? { kind, match, start, end } : { kind, match, start, end, word })
    }
    matcher.scan(f.chars, f.length, (id, end) => {
      const pattern = patterns[id] as number[]
      const start = end - pattern.length
      if (id < wordCount) {
        if (atWordBoundary(f, start) && atWordBoundary(f, end)) hit('sensitive_word', start, end, kept[id])
      } else {
        const span = markingAround(f.chars, f.length, start, end)
        if (span) markings.push([span[0], span[1]])
      }
    })
    // A star inside a level marking (`机密★10年`) is part of it, not a second marking.
    markings.sort((a, b) => a[0] - b[0])
    const starMarkings: [number, number][] = []
    let covered = 0
    let m = 0
    for (let k = 0; k < f.length; k++) {
      while (m < markings.length && (markings[m] as [number, number])[0] <= k) {
        covered = Math.max(covered, (markings[m] as [number, number])[1])
        m++
      }
      if (k < covered) continue
      const to = markingFromStar(f.chars, f.length, k)
      if (to >= 0) {
        starMarkings.push([k, to])
        covered = to
      }
    }
    for (const [from, to] of [...markings, ...starMarkings]) hit('marking', from, to)
    hits.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind))
    return { hits: hits.filter((h, i) => i === 0 || !sameHit(h, hits[i - 1] as ScreeningHit)) }
  }

  return { screen, wordCount }
}

function sameHit(a: ScreeningHit, b: ScreeningHit): boolean {
  return a.kind === b.kind && a.start === b.start && a.end === b.end && a.word === b.word
}

const INVISIBLE_RE = /[\p{Cf}\p{Cc}]/gu
const REASON_CHAR_RE = /[\p{L}\p{N}]/gu
const SHOWN_HITS = 3

/** `“机密★10年”、“保密局”` (at most three, then `等 5 处`), invisible characters removed. */
function quoteHits(hits: readonly ScreeningHit[]): { zh: string; en: string } {
  const shown = [...new Set(hits.map((h) => h.match.replace(INVISIBLE_RE, '')))]
  const head = shown.slice(0, SHOWN_HITS)
  const more = hits.length > head.length
  return {
    zh: `${head.map((m) => `“${m}”`).join('、')}${more ? ` 等 ${hits.length} 处` : ''}`,
    en: `${head.map((m) => `"${m}"`).join(', ')}${more ? `, ${hits.length} in all` : ''}`,
  }
}

/**
 * rule S-03, at save time. Without hits: `ok({ overridden: false, hits: [] })`. With hits and no
 * override: an S-03 error whose `details.hits` the form uses to highlight them. With hits and an override
 * whose reason has at least MIN_OVERRIDE_REASON_LENGTH letters or digits and is itself clean (it is
 * logged, so it is screened too): `ok({ overridden: true, hits, reason })`, which the caller records in
 * the event. An override is ignored when there is nothing to override.
 */
export function screenFreeText(
  screener: TextScreener,
  text: string,
  override?: ScreeningOverride,
): Result<ScreeningPassed, DomainError> {
  const { hits } = screener.screen(text)
  if (hits.length === 0) return ok({ overridden: false, hits })
  if (override === undefined) {
    const q = quoteHits(hits)
    return err(
      domainError(
        'S-03',
        `文本中含有密级标志或敏感词（${q.zh}），请改写（规则 S-03）`,
        `The text contains a classification marking or a sensitive word (${q.en}); please rephrase it (rule S-03).`,
        { hits, field: 'text' },
      ),
    )
  }
  const reason = override.reason.trim()
  if ((reason.match(REASON_CHAR_RE)?.length ?? 0) < MIN_OVERRIDE_REASON_LENGTH)
    return err(
      domainError(
        'S-03',
        `保留密级标志或敏感词须填写不少于 ${MIN_OVERRIDE_REASON_LENGTH} 个字的理由（规则 S-03）`,
        `Keeping a classification marking or a sensitive word needs a reason of at least ${MIN_OVERRIDE_REASON_LENGTH} characters (rule S-03).`,
        { hits, field: 'reason' },
      ),
    )
  const reasonHits = screener.screen(reason).hits
  if (reasonHits.length > 0) {
    const q = quoteHits(reasonHits)
    return err(
      domainError(
        'S-03',
        `理由中也含有密级标志或敏感词（${q.zh}），请改写理由（规则 S-03）`,
        `The reason itself contains a classification marking or a sensitive word (${q.en}); please rephrase the reason (rule S-03).`,
        { hits: reasonHits, field: 'reason' },
      ),
    )
  }
  return ok({ overridden: true, hits, reason })
}
