// Lints .github/workflows with actionlint and zizmor (both pinned in python-tools.json, installed into .tools/).
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, '.tools', 'venv', process.platform === 'win32' ? 'Scripts' : 'bin')
execFileSync(process.execPath, [path.join(root, 'scripts', 'install-python-tools.mjs')], { stdio: 'inherit' })
const run = (tool, args) => {
  console.log(`$ ${tool} ${args.join(' ')}`)
  execFileSync(path.join(bin, tool), args, { cwd: root, stdio: 'inherit' })
}
run('actionlint', ['-no-color'])
// --offline: no GitHub API lookups (this must work without network); the local audits still run.
run('zizmor', ['--offline', '--no-progress', '.github/workflows', '.github/dependabot.yml', 'action.yml'])
