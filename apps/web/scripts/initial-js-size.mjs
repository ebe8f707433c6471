// Prints the gzip size of the JS a first visit loads: the entry chunk and its static imports,
// and the same plus the lazy chunks of the login route (budget: ≤ 300 KB gzip, ARCHITECTURE).
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1]
if (!entry) throw new Error('no entry script in dist/index.html')

const STATIC_IMPORT = /(?:^|[;}\n])\s*import\s*(?:[\w${}\s,*]+from\s*)?["'`](\.\.?\/[^"'`]+\.js)["'`]/g
const DYNAMIC_IMPORT = /import\(["'`](\.\.?\/[^"'`]+\.js)["'`]\)/g

function closure(start) {
  const seen = new Set()
  const stack = [start]
  while (stack.length > 0) {
    const file = stack.pop()
    if (seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(join(dist, file), 'utf8')
    for (const m of code.matchAll(STATIC_IMPORT)) stack.push(join(dirname(file), m[1]))
  }
  return seen
}

function gzipKb(files) {
  let total = 0
  for (const f of files) total += gzipSync(readFileSync(join(dist, f))).length
  return (total / 1024).toFixed(1)
}

const initial = closure(entry)
console.log(`initial JS (entry + static imports): ${gzipKb(initial)} KB gzip in ${initial.size} files`)
const entryCode = readFileSync(join(dist, entry), 'utf8')
const login = [...entryCode.matchAll(DYNAMIC_IMPORT)]
  .map((m) => join(dirname(entry), m[1]))
  .find((f) => /LoginPage/.test(f))
if (login) {
  const withLogin = new Set([...initial, ...closure(login)])
  console.log(
    `login route (initial + LoginPage chunk closure): ${gzipKb(withLogin)} KB gzip in ${withLogin.size} files`,
  )
}
