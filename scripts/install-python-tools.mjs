// Installs the pinned Python tools the tests and the demo use into .tools/ (a venv in the repo),
// from PyPI, once: a stamp file records the pins so a changed pin reinstalls.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pins = JSON.parse(fs.readFileSync(path.join(root, 'python-tools.json'), 'utf8'))
const toolsDir = path.join(root, '.tools')
const venv = path.join(toolsDir, 'venv')
const bin = path.join(venv, process.platform === 'win32' ? 'Scripts' : 'bin')
const stamp = path.join(toolsDir, 'installed.json')
const wanted = JSON.stringify(pins)

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) process.exit(0)

const python = findPython()
console.log(
  `Installing pinned Python tools into .tools/ with ${python}: ${Object.entries(pins.packages)
    .map(([n, v]) => `${n}==${v}`)
    .join(' ')}`,
)
fs.rmSync(toolsDir, { recursive: true, force: true })
fs.mkdirSync(toolsDir, { recursive: true })
execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' })
const packages = Object.entries(pins.packages).map(([name, version]) => `${name}==${version}`)
execFileSync(
  path.join(bin, 'python'),
  ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', ...packages],
  {
    stdio: 'inherit',
    env: { ...process.env, PIP_CACHE_DIR: path.join(root, '.cache', 'pip') },
  },
)
fs.writeFileSync(stamp, wanted)

function findPython() {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter(Boolean)) {
    try {
      execFileSync(candidate, ['-c', 'import venv'], { stdio: 'ignore' })
      return candidate
    } catch {}
  }
  throw new Error('No python3 with the venv module on PATH: install Python 3.10+ first.')
}
