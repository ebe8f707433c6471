/**
 * rule S-03: what reads as a classification marking (密级标志) in folded free text (see text-fold.ts).
 *
 * The choice, so that a county inspector accepts both the hits and the misses:
 * - A level word (绝密, 机密, 秘密, and the traditional 絕密, 機密, 祕密) is a marking when what follows
 *   reads as one: a star (`★☆⭐…`: `机密★`, `绝密 ★`, `机密★10年`), `*`/`＊` only when a period follows
 *   (`机密*10年`; a bare `＊＊＊` is the S-02 title mask), `级` (`秘密级`), a closing bracket (`【机密】`,
 *   `（绝密）`), `期限` or `保密期限`, or a period (digits or 一二三… then 年/个月/月, or 长期: `机密10年`).
 *   It is also one when `密级` comes just before (`密级：秘密`, `密级为机密`).
 * - So `秘密级` is a hit even where it names the level in a rule text: the officer rephrases (`秘密级别的
 *   文件` → `该级别文件`) or overrides with a reason.
 * - A bare level word in ordinary prose is not a hit (`机密文件应当…`, `涉及国家秘密`), nor are words
 *   that only look alike: 保密, 保密局, 保密工作, 涉密载体, 密级 alone.
 * - 工作秘密, 商业秘密 and 国家秘密 name categories, not state-secret levels: never a marking.
 * - `密级` after a word ending in the level's first character is that word then 密级, not a level:
 *   `计算机密级标识`, `手机密级`, `杜绝密级不清`, `神秘密级` are not hits; `按机密级管理` is.
 * - A star alone is a marking only when a period follows (`★10年`, `★长期`); `★★★` or `★ 重点` is not.
 */

const cp = (s: string): number => s.codePointAt(0) ?? 0
const set = (chars: string): ReadonlySet<number> => new Set(Array.from(chars, cp))

/** Level words as typed; they are folded with the text and matched by the same automaton. */
export const LEVEL_WORDS: readonly string[] = ['绝密', '机密', '秘密', '絕密', '機密', '祕密']

const STARS = set('★☆⭐✩✪✫✬✭✮✯✰⋆')
const ASTERISKS = set('*∗⁎✱✲') // `＊` folds to `*`
const OPENING = set('【〔〖[(《〈「『<')
const CLOSING = set('】〕〗])》〉」』>')
const DIGITS = set('0123456789〇零一二三四五六七八九十百两廿')
const JI = set('级級')
const NIAN = cp('年')
const YUE = cp('月')
const GE = set('个個')
const COLON = cp(':')
const WEI = set('为為')
const SHI = cp('是')
const CHANG_QI = [Array.from('长期', cp), Array.from('長期', cp)]
const QI_XIAN = Array.from('期限', cp)
const BAO_MI_QI_XIAN = Array.from('保密期限', cp)
const MI_JI = [Array.from('密级', cp), Array.from('密級', cp)]
const CATEGORY_PREFIXES = [Array.from('工作', cp), Array.from('商业', cp), Array.from('国家', cp)]
const SECRET_FIRST = set('秘祕')

/** Characters X for which `X` + the level's first character is a word, so a following 密级 stands alone. */
const COMPOUND_BEFORE: ReadonlyMap<number, ReadonlySet<number>> = new Map([
  [cp('绝'), set('杜拒断隔根灭谢回禁戒决卓')],
  [cp('絕'), set('杜拒斷隔根滅謝回禁戒決卓')],
  [
    cp('机'),
    set(
      '算手印真描体主单微飞相纸话讲视音动电像端码播影投耳座钞客战司时危契生有随心良乘转商杀玄天待开关停登班专样死装联脱上备拉油热录务碎刷验收发充戏衣空风',
    ),
  ],
  [
    cp('機'),
    set(
      '算手印真描體主單微飛相紙話講視音動電像端碼播影投耳座鈔客戰司時危契生有隨心良乘轉商殺玄天待開關停登班專樣死裝聯脫上備拉油熱錄務碎刷驗收發充戲衣空風',
    ),
  ],
  [cp('秘'), set('神文便奥隐揭探')],
  [cp('祕'), set('神文便奧隱揭探')],
])

function startsWith(chars: Int32Array, length: number, at: number, word: readonly number[]): boolean {
  if (at < 0 || at + word.length > length) return false
  for (let k = 0; k < word.length; k++) if (chars[at + k] !== word[k]) return false
  return true
}

/** The end of a secrecy period (`10年`, `三十年`, `6个月`, `长期`) starting at `at`, or -1. */
function periodEnd(chars: Int32Array, length: number, at: number): number {
  if (CHANG_QI.some((w) => startsWith(chars, length, at, w))) return at + 2
  let j = at
  while (j < length && DIGITS.has(chars[j] as number)) j++
  if (j === at || j >= length) return -1
  const unit = chars[j]
  if (unit === NIAN || unit === YUE) return j + 1
  if (unit !== undefined && GE.has(unit) && j + 1 < length && chars[j + 1] === YUE) return j + 2
  return -1
}

/** After a star: an optional period. */
function afterStar(chars: Int32Array, length: number, at: number): number {
  const period = periodEnd(chars, length, at)
  return period >= 0 ? period : at
}

/**
 * The marking around the level word at folded indices [start, end), as [from, to) in folded indices, or
 * null when the level word is ordinary prose.
 */
export function markingAround(
  chars: Int32Array,
  length: number,
  start: number,
  end: number,
): readonly [number, number] | null {
  const first = chars[start] as number
  if (SECRET_FIRST.has(first) && CATEGORY_PREFIXES.some((p) => startsWith(chars, length, start - 2, p)))
    return null
  let to = -1
  const next = chars[end]
  if (next !== undefined && end < length) {
    if (STARS.has(next)) to = afterStar(chars, length, end + 1)
    else if (ASTERISKS.has(next)) to = periodEnd(chars, length, end + 1)
    else if (JI.has(next)) {
      const before = start > 0 ? chars[start - 1] : undefined
      const compound = before !== undefined && COMPOUND_BEFORE.get(first)?.has(before) === true
      if (!compound) {
        to = end + 1
        if (to < length && STARS.has(chars[to] as number)) to = afterStar(chars, length, to + 1)
      }
    } else if (CLOSING.has(next)) to = end + 1
    else if (startsWith(chars, length, end, QI_XIAN) || startsWith(chars, length, end, BAO_MI_QI_XIAN)) {
      to = end + (next === QI_XIAN[0] ? QI_XIAN.length : BAO_MI_QI_XIAN.length)
      const afterColon = to < length && chars[to] === COLON ? to + 1 : to
      const period = periodEnd(chars, length, afterColon)
      if (period >= 0) to = period
    } else to = periodEnd(chars, length, end)
  }
  let from = start
  let gap = start
  const joiner = start > 0 ? chars[start - 1] : undefined
  if (joiner === COLON || joiner === SHI || (joiner !== undefined && WEI.has(joiner))) gap = start - 1
  if (MI_JI.some((w) => startsWith(chars, length, gap - 2, w))) {
    from = gap - 2
    if (to < 0) to = end
  }
  if (to < 0) return null
  if (from > 0 && OPENING.has(chars[from - 1] as number)) from--
  if (to < length && CLOSING.has(chars[to] as number) && !CLOSING.has(chars[to - 1] as number)) to++
  return [from, to]
}

/** A star alone followed by a period (`★10年`, `★长期`), as the end index of the marking, or -1. */
export function markingFromStar(chars: Int32Array, length: number, at: number): number {
  if (!STARS.has(chars[at] as number)) return -1
  const period = periodEnd(chars, length, at + 1)
  if (period < 0) return -1
  return period < length && CLOSING.has(chars[period] as number) ? period + 1 : period
}

export function isStar(c: number): boolean {
  return STARS.has(c)
}
