import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parsePythonSpec } from '../../../src/model/python-spec.js'
import { nearestVersions } from '../../../src/python/nearest-versions.js'
import { listPathPythons } from '../../../src/python/path-pythons.js'
import { fakePythonScript } from './fake-python.js'

describe('nearestVersions', () => {
  const known = ['3.8.18', '3.9.18', '3.10.13', '3.11.6', '3.11.7', '3.12.1', '3.13.0', '3.14.0-rc.1']
  it.each([
    ['3.99', 3, ['3.14.0-rc.1', '3.13.0', '3.12.1']],
    ['3.11.9', 2, ['3.11.7', '3.11.6']],
    ['2.7', 2, ['3.9.18', '3.8.18']],
    ['>=3.15', 1, ['3.14.0-rc.1']],
  ])('%s → %j', (wanted, count, expected) => {
    expect(nearestVersions(wanted, known, count)).toEqual(expected)
  })
})

describe('listPathPythons', () => {
  /** A folder of identical shim scripts that log each start, like pyenv's shims. */
  function shimDir(version: string): { dir: string; starts: () => number } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-shims-'))
    const log = path.join(dir, 'starts.log')
    const script = fakePythonScript(version).replace('#!/bin/sh\n', `#!/bin/sh\necho x >> '${log}'\n`)
    for (const name of ['python', 'python3', 'python3.10', 'python3.11', 'python3.12']) {
      fs.writeFileSync(path.join(dir, name), script, { mode: 0o755 })
    }
    return {
      dir,
      starts: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').length - 1 : 0),
    }
  }

  it('starts one of a folder of identical shims, the one named for the wanted version', async () => {
    const shims = shimDir('3.11.7')
    const found = await listPathPythons(shims.dir, 'linux', parsePythonSpec('3.11'))
    expect(found.map((info) => [info.version, path.basename(info.executable)])).toEqual([
      ['3.11.7', 'python3.11'],
    ])
    expect(shims.starts()).toBe(1)
  })

  it('skips folders it cannot read and interpreters that do not run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-broken-'))
    fs.writeFileSync(path.join(dir, 'python3'), '#!/bin/sh\nexit 3\n', { mode: 0o755 })
    const found = await listPathPythons(
      [dir, path.join(dir, 'missing')].join(path.delimiter),
      'linux',
      undefined,
    )
    expect(found).toEqual([])
  })
})
