import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'

/**
 * A cheap fingerprint of what is installed in a venv: the names of the distribution metadata
 * folders in site-packages (`six-1.17.0.dist-info`, …), which change whenever a package is
 * added, removed or changes version. Main records it; post compares, so an env a later step
 * changed (`pip install something`) is not saved under the lock's key.
 */
export function envFingerprint(venvRoot: string): string {
  const names: string[] = []
  for (const dir of sitePackagesDirs(venvRoot)) {
    for (const name of fs.readdirSync(dir)) {
      if (/\.(dist-info|egg-info|egg-link)$/.test(name) || name.endsWith('.pth')) names.push(name)
    }
  }
  return createHash('sha256').update(names.sort().join('\n')).digest('hex')
}

function sitePackagesDirs(venvRoot: string): string[] {
  const windows = path.join(venvRoot, 'Lib', 'site-packages')
  if (fs.existsSync(windows)) return [windows]
  const lib = path.join(venvRoot, 'lib')
  if (!fs.existsSync(lib)) return []
  return fs
    .readdirSync(lib)
    .filter((name) => name.startsWith('python'))
    .map((name) => path.join(lib, name, 'site-packages'))
    .filter((dir) => fs.existsSync(dir))
}
