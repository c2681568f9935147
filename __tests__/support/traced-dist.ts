import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { repoRoot } from './run-action.js'

/**
 * A copy of dist/ in which the chunk of the cache library (loaded with `import()`, holding the
 * cache service's twirp calls) appends the path of the entry script that loaded it (dist/index.js
 * or dist/post.js) to `traceFile` when it is evaluated, so a test can see which step loaded it.
 */
export function tracedDist(traceFile: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-traced-dist-'))
  fs.cpSync(path.join(repoRoot, 'dist'), copy, { recursive: true })
  const chunks = path.join(copy, 'chunks')
  const lazy = new Set<string>()
  for (const name of fs.readdirSync(chunks).filter((file) => file.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(chunks, name), 'utf8')
    for (const match of text.matchAll(/import\(\s*["']\.\/([^"']+)["']\s*\)/g))
      if (match[1]) lazy.add(match[1])
  }
  if (lazy.size === 0)
    throw new Error('dist/ has no chunk loaded with import(); was it built by scripts/build.mjs?')
  for (const name of lazy) {
    const real = name.replace(/\.js$/, '.real.js')
    fs.renameSync(path.join(chunks, name), path.join(chunks, real))
    fs.writeFileSync(
      path.join(chunks, name),
      `import { appendFileSync } from 'node:fs'\nexport * from './${real}'\nappendFileSync(${JSON.stringify(traceFile)}, process.argv[1] + '\\n')\n`,
    )
  }
  return copy
}

/** The entry scripts (index.js, post.js) that loaded a lazy chunk, in order. */
export function lazyLoads(traceFile: string): string[] {
  if (!fs.existsSync(traceFile)) return []
  return fs
    .readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((entry) => path.basename(entry))
}
