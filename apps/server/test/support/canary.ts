import { randomInt } from 'node:crypto'

// CJK characters no id, hash, hex, base64 or timestamp can contain, and no word a rule looks for
// (no 密, 秘, 绝 …): the canary cannot turn up by chance (issue 10 item 11).
const CJK = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥梅兰竹菊松柏桃李杏枫'
// Latin letters outside hex (a–f), so no Latin run of the canary reads as hex.
const LATIN = 'ghjkmpqrstuvwxyzGHJKMPQRSTUVWXYZ'

/**
 * A fresh canary for this run: `length` characters alternating CJK and Latin, e.g. `甲q乙W…`.
 * Print it in assertion messages so a failure says which string leaked.
 */
export function makeCanary(length = 24): string {
  let canary = ''
  for (let i = 0; i < length; i++) {
    const alphabet = i % 2 === 0 ? CJK : LATIN
    canary += alphabet[randomInt(alphabet.length)]
  }
  return canary
}

/** Whether `text` holds the canary as is or JSON-escaped (`\uXXXX`), the two ways a response can carry it. */
export function containsCanary(text: string, canary: string): boolean {
  if (text.includes(canary)) return true
  const escaped = [...canary]
    .map((ch) => (ch.charCodeAt(0) > 0x7f ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch))
    .join('')
  return text.toLowerCase().includes(escaped.toLowerCase())
}
