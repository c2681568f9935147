// Bundles src/index.ts → <out>/index.js (main) and src/post-index.ts → <out>/post.js (post) with ncc.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.resolve(root, process.argv[2] ?? 'dist')
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const entries = [
  ['src/index.ts', 'index.js'],
  ['src/post-index.ts', 'post.js'],
]

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })
for (const [entry, name] of entries) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-ncc-'))
  execFileSync(
    process.execPath,
    [ncc, 'build', path.join(root, entry), '-o', tmp, '--minify', '--license', 'licenses.txt', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  for (const file of fs.readdirSync(tmp)) {
    if (file === 'package.json') continue
    if (file !== 'index.js' && file !== 'licenses.txt')
      throw new Error(`ncc emitted an unexpected file ${file}; teach scripts/build.mjs about it`)
    const target = file === 'index.js' ? name : name.replace(/\.js$/, '.licenses.txt')
    fs.copyFileSync(path.join(tmp, file), path.join(out, target))
  }
  fs.rmSync(tmp, { recursive: true, force: true })
}
fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n')
console.log(`built ${entries.map(([, name]) => path.relative(root, path.join(out, name))).join(', ')}`)
