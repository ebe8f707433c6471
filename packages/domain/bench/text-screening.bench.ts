import { bench, describe } from 'vitest'
import { createTextScreener } from '../src/core/text-screening.ts'

// Budget (rule S-03): screening runs on every keystroke, so one screen of a 2,000-character text against
// a 2,000-word list should take well under 1 ms; compiling the list, a few milliseconds.

/** A fixed pseudo-random sequence (no Math.random), so every run measures the same inputs. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const next = lcg(20240501)
const pick = (chars: string): string => chars[Math.floor(next() * chars.length)] ?? ''
const HAN =
  '保密工作会议县乡镇局长科室站所文件通知关于开展检查整改培训教育载体计算机网络介质人员责任书总结年度'
const PROSE = `${HAN}，。、：；（）“” \n`

const words = Array.from({ length: 2000 }, (_, i) => {
  const length = 2 + Math.floor(next() * 4)
  const word = Array.from({ length }, () => pick(HAN)).join('')
  return i % 10 === 0 ? `${word}${i}` : word
})
const text = Array.from({ length: 2000 }, (_, i) =>
  i === 700 ? '机' : i === 701 ? '密' : i === 702 ? '★' : pick(PROSE),
).join('')
const screener = createTextScreener(words)

describe('S-03 text screening', () => {
  bench('compile a 2,000-word list', () => {
    createTextScreener(words)
  })

  bench('screen a 2,000-character text against 2,000 words', () => {
    screener.screen(text)
  })

  bench('screen a 2,000-character text, no word list (markings only)', () => {
    noWords.screen(text)
  })
})

const noWords = createTextScreener([])
