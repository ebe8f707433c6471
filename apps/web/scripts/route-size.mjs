// Build report (issue 12, "Bytes"): the JavaScript and CSS a visit to a route loads, read from the Vite
// manifest of a real build (dist/.vite/manifest.json), against the gzip budget of each route.
// Run after `vite build`: `pnpm --filter @secledger/web size [distDir]`. Exits 1 over budget.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const KB = 1000

/**
 * What main.ts imports dynamically at startup on every route counts: the session resume (a reload
 * reopens a kept session before any route is chosen) and workbox-window (registerSW runs at once).
 * The imports behind a condition do not: sign-out on expiry, error toasts, automation hooks.
 */
const STARTUP = [/^src\/auth\/session-resume\.ts$/, /\/workbox-window\.prod\.es5\.mjs$/]

const LOGIN_PAGE = /^src\/pages\/LoginPage\.vue$/
// session-resume.ts loads it to look for a kept session once the origin has a database (not at first).
const LOOK_FOR_SESSION = /^src\/auth\/session-reopen\.ts$/
/** session-reopen.ts loads it when a kept session opens: the replica. */
const OPEN_SESSION = /^src\/auth\/session-lifecycle\.ts$/

/**
 * A route is the entry, the startup imports and the chunks below (router.ts makes the pages lazy),
 * each with its static imports, transitively. The register shows only within a session, so it is
 * measured as a reload within one: the kept session looked for and opened, then the layout and page.
 *
 * Not counted, because they load on a user action only (dynamic imports, issue 12 "Bytes"):
 * - the English texts (src/i18n/en-messages.ts): loaded when English is chosen, or at startup when it was
 *   kept from the last visit; a first visit and every zh-CN user never load them;
 * - the dialogs (RegisterCarrierDialog, HandOutDialog, CopyDialog, WorkflowDialog): each loads on its
 *   first opening (pages/shared/LazyDialog.vue);
 * - the 操作日志's reading of a carrier's events (register/carrier-history.ts), on a click on its serial;
 * - the 收回 confirmation box (ElMessageBox), on that click.
 */
const ROUTES = [
  { name: 'login', chunks: [LOGIN_PAGE], budgetGzip: 150 * KB },
  { name: 'login (returning)', chunks: [LOGIN_PAGE, LOOK_FOR_SESSION] },
  {
    name: 'register',
    chunks: [
      LOOK_FOR_SESSION,
      OPEN_SESSION,
      /^src\/layout\/AppLayout\.vue$/,
      /^src\/pages\/register\/CarrierRegisterPage\.vue$/,
    ],
    budgetGzip: 300 * KB,
  },
]

const here = fileURLToPath(new URL('.', import.meta.url))
const args = process.argv.slice(2)
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(here, '..', 'dist'))
const manifestPath = join(dist, '.vite', 'manifest.json')
if (!existsSync(manifestPath)) {
  console.error(`no ${manifestPath}: run \`vite build\` first (build.manifest is on in vite.config.ts)`)
  process.exit(2)
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))

function keysMatching(patterns) {
  return patterns.flatMap((pattern) => {
    const keys = Object.keys(manifest).filter((k) => pattern.test(k))
    if (keys.length === 0) throw new Error(`no chunk in the manifest matches ${pattern}`)
    return keys
  })
}

function entryKey() {
  const keys = Object.keys(manifest).filter((k) => manifest[k].isEntry)
  if (keys.length !== 1) throw new Error(`expected one entry in the manifest, found ${keys.length}`)
  return keys[0]
}

/** The chunks a set of starting chunks loads through static imports. */
function closure(starts) {
  const seen = new Set()
  const stack = [...starts]
  while (stack.length > 0) {
    const key = stack.pop()
    if (seen.has(key)) continue
    seen.add(key)
    stack.push(...(manifest[key].imports ?? []))
  }
  return seen
}

const sizeCache = new Map()
function sizes(file) {
  const cached = sizeCache.get(file)
  if (cached) return cached
  const data = readFileSync(join(dist, file))
  const result = {
    raw: data.byteLength,
    gzip: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).byteLength,
    br: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
      },
    }).byteLength,
  }
  sizeCache.set(file, result)
  return result
}

function total(files) {
  const sum = { raw: 0, gzip: 0, br: 0, files: files.length }
  for (const f of files) {
    const s = sizes(f)
    sum.raw += s.raw
    sum.gzip += s.gzip
    sum.br += s.br
  }
  return sum
}

const kb = (n) => (n / KB).toFixed(1)

const startup = [entryKey(), ...keysMatching(STARTUP)]
const report = ROUTES.map((route) => {
  const chunks = closure([...startup, ...keysMatching(route.chunks)])
  const js = [...chunks].map((k) => manifest[k].file)
  const css = [...new Set([...chunks].flatMap((k) => manifest[k].css ?? []))]
  return { route, js, jsSize: total(js), cssSize: total(css) }
})

const HEADER = `Route bytes from ${manifestPath} (kB = 1000 bytes; gzip -9 and brotli q11,
the levels of build/precompress.ts).
A route loads the entry, what main.ts imports at startup on every route (session-resume.ts, workbox-window),
its lazy chunks and their static imports, transitively; dynamic imports behind a condition (sign-in on
submit, sign-out, toasts, automation hooks, English, the dialogs and the 操作日志 opened by a click) do not
count. "login" is a first visit; "login (returning)" also loads Dexie to look for a kept session (no budget:
the service worker's precache serves it). The register shows only within a session: it is measured as a
reload within one (session looked for and opened).
`
console.log(HEADER)
const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(19) : c.padStart(8))).join(' ')
console.log(row(['route', 'files', 'JS raw', 'JS gzip', 'JS br', 'CSS raw', 'CSS gzip', 'CSS br', 'budget']))
let over = false
for (const { route, jsSize, cssSize } of report) {
  const ok = route.budgetGzip === undefined || jsSize.gzip <= route.budgetGzip
  over ||= !ok
  const budget =
    route.budgetGzip === undefined ? '' : `≤ ${route.budgetGzip / KB} kB gzip ${ok ? 'ok' : 'OVER'}`
  const cells = [jsSize.raw, jsSize.gzip, jsSize.br, cssSize.raw, cssSize.gzip, cssSize.br].map(kb)
  console.log(`${row([route.name, String(jsSize.files), ...cells])}   ${budget}`)
}
if (args.includes('--files') || over) {
  for (const { route, js } of report) {
    console.log(`\n${route.name}: JS files by gzip size`)
    for (const f of js.toSorted((a, b) => sizes(b).gzip - sizes(a).gzip))
      console.log(`  ${kb(sizes(f).gzip).padStart(7)} kB gzip  ${f}`)
  }
}
if (over) {
  console.error('\nover budget: a route loads more JavaScript than its gzip budget')
  process.exit(1)
}
