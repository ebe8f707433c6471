/**
 * rule S-03: the folded form in which free text is screened, with a map from every folded character
 * back to the original string, so a hit found in the folded form reports offsets into what was typed.
 *
 * Folding, one code point at a time: compatibility decomposition (NFKD: full-width `ＡＢ１` → `ab1`,
 * `㊙` → `秘`, Kangxi radicals → ideographs), lower case, and combining marks dropped. This is NFKC's
 * compatibility folding without recomposition: recomposing would make `é` and `e\u0301` differ, or let
 * a zero-width character between a letter and its mark hide a word. Whitespace, zero-width and other
 * invisible characters (format, control, Hangul fillers) are dropped, so `机 密`, `机\u200B密` and
 * `机\n密` all fold to `机密`.
 */

/** Folded text: `chars[i]` came from the code point at `text.slice(starts[i], ends[i])`. */
export interface FoldedText {
  readonly length: number
  readonly chars: Int32Array
  readonly starts: Int32Array
  readonly ends: Int32Array
  /** 1 when whitespace (not a zero-width character) was dropped just before `chars[i]`. */
  readonly spaceBefore: Uint8Array
}

/** Folds text; keeps a small cache of the code points that need Unicode tables (the fast paths do not). */
export interface TextFolder {
  fold(text: string): FoldedText
  /** The folded code points of a word (separators and marks dropped). */
  foldWord(word: string): number[]
}

// A folded code point, or one of these two markers for a dropped one.
const SPACE = -1
const INVISIBLE = -2
const SPACE_RE = /^\p{White_Space}$/u
const INVISIBLE_RE = /^[\p{Cf}\p{Cc}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0]$/u
const CACHE_LIMIT = 4096

/** Code points that fold to themselves and are never separators: CJK unified ideographs. */
function isPlainIdeograph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2f7ff) || // extensions B–F and I; the compatibility supplement follows
    (cp >= 0x30000 && cp <= 0x323af)
  )
}

/** The slow path: Unicode tables. Returns the folded code points, or [SPACE], or [] (invisible). */
function foldByTables(cp: number): readonly number[] {
  const s = String.fromCodePoint(cp)
  if (SPACE_RE.test(s)) return [SPACE]
  if (INVISIBLE_RE.test(s)) return []
  const out: number[] = []
  for (const ch of s.normalize('NFKD').toLowerCase().normalize('NFKD')) {
    if (SPACE_RE.test(ch) || INVISIBLE_RE.test(ch)) continue
    out.push(ch.codePointAt(0) ?? 0)
  }
  return out
}

/** Fast paths for ASCII, ideographs and full-width forms; INVISIBLE or SPACE for dropped ones; else null. */
function foldFast(cp: number): number | null {
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return cp + 32
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return SPACE
    if (cp < 0x20 || cp === 0x7f) return INVISIBLE
    return cp
  }
  if (isPlainIdeograph(cp)) return cp
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const ascii = cp - 0xfee0
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii
  }
  if (cp === 0x3000) return SPACE
  return null
}

export function createTextFolder(): TextFolder {
  const cache = new Map<number, readonly number[]>()
  const slow = (cp: number): readonly number[] => {
    let hit = cache.get(cp)
    if (hit === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear()
      hit = foldByTables(cp)
      cache.set(cp, hit)
    }
    return hit
  }

  function fold(text: string): FoldedText {
    let capacity = text.length + 8
    let chars = new Int32Array(capacity)
    let starts = new Int32Array(capacity)
    let ends = new Int32Array(capacity)
    let spaceBefore = new Uint8Array(capacity)
    let n = 0
    let pendingSpace = 0
    const push = (c: number, start: number, end: number): void => {
      if (n === capacity) {
        capacity *= 2
        const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
          b.set(a)
          return b
        }
        chars = grow(chars, new Int32Array(capacity))
        starts = grow(starts, new Int32Array(capacity))
        ends = grow(ends, new Int32Array(capacity))
        spaceBefore = grow(spaceBefore, new Uint8Array(capacity))
      }
      chars[n] = c
      starts[n] = start
      ends[n] = end
      spaceBefore[n] = pendingSpace
      pendingSpace = 0
      n++
    }
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i) ?? 0
      const end = i + (cp > 0xffff ? 2 : 1)
      const fast = foldFast(cp)
      if (fast === SPACE) pendingSpace = 1
      else if (fast !== null) {
        if (fast !== INVISIBLE) push(fast, i, end)
      } else {
        for (const c of slow(cp)) {
          if (c === SPACE) pendingSpace = 1
          else push(c, i, end)
        }
      }
      i = end
    }
    return { length: n, chars, starts, ends, spaceBefore }
  }

  function foldWord(word: string): number[] {
    const folded = fold(word)
    return Array.from(folded.chars.subarray(0, folded.length))
  }

  return { fold, foldWord }
}
