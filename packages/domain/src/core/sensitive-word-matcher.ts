/**
 * rule S-03: an Aho–Corasick automaton over code points, so a unit's whole sensitive-word list is found
 * in one pass over the text, whatever its length. Written here because it is small (a trie, failure
 * links and output links); a dependency would be larger than it.
 */

/** Finds every occurrence of every pattern, overlapping ones included. */
export interface WordMatcher {
  /** Calls `onMatch(pattern, end)` for each occurrence ending before index `end` of `chars[0..length)`. */
  scan(chars: Int32Array, length: number, onMatch: (pattern: number, end: number) => void): void
}

/** `patterns[i]` is a list of code points; empty patterns never match. */
export function compileWordMatcher(patterns: readonly (readonly number[])[]): WordMatcher {
  // State 0 is the root. `own[s]`: patterns ending exactly at s; `outLink[s]`: the nearest state on the
  // failure chain that has patterns of its own (0: none, as the root never has any).
  const goto: Map<number, number>[] = [new Map()]
  const own: number[][] = [[]]
  patterns.forEach((pattern, id) => {
    if (pattern.length === 0) return
    let s = 0
    for (const c of pattern) {
      const edges = goto[s] as Map<number, number>
      let next = edges.get(c)
      if (next === undefined) {
        next = goto.length
        goto.push(new Map())
        own.push([])
        edges.set(c, next)
      }
      s = next
    }
    ;(own[s] as number[]).push(id)
  })

  const fail = new Int32Array(goto.length)
  const outLink = new Int32Array(goto.length)
  const queue: number[] = []
  for (const child of (goto[0] as Map<number, number>).values()) queue.push(child)
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number
    for (const [c, v] of goto[u] as Map<number, number>) {
      let f = fail[u] as number
      let target = (goto[f] as Map<number, number>).get(c)
      while (target === undefined && f !== 0) {
        f = fail[f] as number
        target = (goto[f] as Map<number, number>).get(c)
      }
      const fv = target ?? 0
      fail[v] = fv
      outLink[v] = (own[fv] as number[]).length > 0 ? fv : (outLink[fv] as number)
      queue.push(v)
    }
  }

  function scan(chars: Int32Array, length: number, onMatch: (pattern: number, end: number) => void): void {
    let s = 0
    for (let i = 0; i < length; i++) {
      const c = chars[i] as number
      let next = (goto[s] as Map<number, number>).get(c)
      while (next === undefined && s !== 0) {
        s = fail[s] as number
        next = (goto[s] as Map<number, number>).get(c)
      }
      s = next ?? 0
      let t = (own[s] as number[]).length > 0 ? s : (outLink[s] as number)
      while (t !== 0) {
        for (const id of own[t] as number[]) onMatch(id, i + 1)
        t = outLink[t] as number
      }
    }
  }

  return { scan }
}
