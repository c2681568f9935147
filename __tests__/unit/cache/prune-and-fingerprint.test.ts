import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { envFingerprint } from '../../../src/cache/env-fingerprint.js'
import { pipCacheHooks } from '../../../src/managers/pip-cache.js'

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'spe-prune-'))
}

function touch(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, '')
}

describe('pip cache prune', () => {
  it('drops the HTTP cache and keeps the wheels pip built', async () => {
    const dir = tempDir()
    touch(path.join(dir, 'http-v2', 'a', 'b', 'entry'))
    touch(path.join(dir, 'http', 'old'))
    touch(path.join(dir, 'wheels', 'aa', 'built-1.0-py3-none-any.whl'))
    await pipCacheHooks.pruneCache({ cacheDirs: [dir] })
    expect(fs.readdirSync(dir)).toEqual(['wheels'])
  })
})

describe('envFingerprint', () => {
  const venv = () => {
    const root = tempDir()
    const site = path.join(root, 'lib', 'python3.11', 'site-packages')
    touch(path.join(site, 'six-1.17.0.dist-info', 'METADATA'))
    touch(path.join(site, 'six.py'))
    return { root, site }
  }

  it('stays the same when only bytecode or module files change', () => {
    const { root, site } = venv()
    const before = envFingerprint(root)
    touch(path.join(site, '__pycache__', 'six.cpython-311.pyc'))
    expect(envFingerprint(root)).toBe(before)
  })

  it.each([
    ['a package is added', (site: string) => touch(path.join(site, 'idna-3.10.dist-info', 'METADATA'))],
    [
      'a version changes',
      (site: string) =>
        fs.renameSync(path.join(site, 'six-1.17.0.dist-info'), path.join(site, 'six-1.16.0.dist-info')),
    ],
    [
      'a package is removed',
      (site: string) => fs.rmSync(path.join(site, 'six-1.17.0.dist-info'), { recursive: true }),
    ],
  ])('changes when %s', (_what, change) => {
    const { root, site } = venv()
    const before = envFingerprint(root)
    change(site)
    expect(envFingerprint(root)).not.toBe(before)
  })
})
