// Fails when dist/ differs from a fresh build of the sources (dist/ is committed: runners execute it).
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Beside dist/, at the same depth: source-map paths (and so chunk hashes) are relative to the output.
const fresh = fs.mkdtempSync(path.join(root, '.dist-check-'))
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), fresh], {
  cwd: root,
  stdio: 'inherit',
})

// Relative paths of every file, chunks/ included.
const list = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
const committed = path.join(root, 'dist')
const names = new Set([...list(fresh), ...(fs.existsSync(committed) ? list(committed) : [])])
const different = [...names].filter((name) => {
  const a = path.join(fresh, name)
  const b = path.join(committed, name)
  return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b))
})
fs.rmSync(fresh, { recursive: true, force: true })
if (different.length > 0) {
  console.error(
    `dist/ does not match the sources: ${different.join(', ')} differ. Run 'npm run build' and commit dist/.`,
  )
  process.exit(1)
}
console.log('dist/ matches a fresh build of the sources.')
