// Initial JS of the built panel: the module scripts and modulepreload links of index.html, followed through their
// static `import ... from "./x.js"` statements (not the dynamic import() of route chunks), gzipped one by one.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = path.resolve(process.argv[2] ?? 'dist')
const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
const entries = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+)"/g)].map((m) => m[1])
const seen = new Set()
const queue = [...entries]
while (queue.length) {
  const file = queue.shift()
  if (seen.has(file)) continue
  seen.add(file)
  const code = readFileSync(path.join(dist, file), 'utf8')
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    queue.push(path.posix.join(path.posix.dirname(file), m[1]))
  }
}
const kb = (bytes) => (bytes / 1024).toFixed(1)
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length
let total = 0
for (const file of seen) total += gz(file)
const lazy = readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !seen.has(`assets/${f}`))
  .map((f) => [f, gz(`assets/${f}`)])
  .sort((a, b) => b[1] - a[1])
console.log(`initial JS: ${kb(total)} KB gzip in ${seen.size} file(s) (goal <= 300 KB)`)
console.log(`largest route chunk, loaded on demand: ${lazy[0] ? `${lazy[0][0]} ${kb(lazy[0][1])} KB gzip` : 'none'}`)
