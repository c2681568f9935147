import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'

// The e2e tests run dist/, not src/: after a change in src/ they would test the old code unless
// one remembered to build. jest's globalSetup for the e2e project rebuilds dist/ when what it is
// built from changed since the last build this checkout saw (a hash, not file times: a checkout
// or a merge touches every file).
const root = path.resolve(import.meta.dirname, '../..')
const stampFile = path.join(root, '.cache', 'dist-sources.sha256')

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** sha256 over the bundle's inputs: src/, the build script, the lock file and dist/ itself. */
export function distSourcesHash(): string {
  const inputs = [
    ...filesUnder(path.join(root, 'src')),
    ...filesUnder(path.join(root, 'dist')),
    path.join(root, 'scripts', 'build.mjs'),
    path.join(root, 'package-lock.json'),
  ].sort()
  const hash = createHash('sha256')
  for (const file of inputs) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file))
  return hash.digest('hex')
}

export default function freshDist(): void {
  const before = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : ''
  if (before === distSourcesHash()) return
  console.log('\nsrc/ changed since dist/ was last built here: npm run build (commit dist/ afterwards)')
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' })
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, `${distSourcesHash()}\n`)
}
