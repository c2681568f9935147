import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { CACHE_SCHEMA, type CacheKeyParts, cacheKeys, osKeyPart } from '../../../src/cache/key.js'

const base: CacheKeyParts = {
  os: 'linux-ubuntu24',
  arch: 'x64',
  pythonVersion: '3.11.7',
  manager: 'pip',
  managerVersion: '23.2.1',
  files: [{ file: 'requirements.txt', content: 'six==1.17.0\n' }],
  extras: [],
  venvPath: '/home/runner/work/app/app/.venv',
  pythonExecutable: '/opt/hostedtoolcache/Python/3.11.7/x64/bin/python3',
}

describe('cacheKeys', () => {
  it('spells the key as setup-python-env-v<schema>-<os>-<arch>-py<version>-<manager><version>-<hash>', () => {
    const { key, restoreKeys } = cacheKeys(base)
    expect(key).toMatch(
      new RegExp(
        `^setup-python-env-v${CACHE_SCHEMA}-linux-ubuntu24-x64-py3\\.11\\.7-pip23\\.2\\.1-[0-9a-f]{64}$`,
      ),
    )
    expect(restoreKeys).toEqual([key.slice(0, -64)])
  })

  it('puts the suffix before the hash, so the restore key stays within the suffix', () => {
    const { key, restoreKeys } = cacheKeys({ ...base, suffix: 'lint' })
    expect(key).toMatch(/-pip23\.2\.1-lint-[0-9a-f]{64}$/)
    expect(restoreKeys).toEqual([key.slice(0, -64)])
  })

  it.each<[string, Partial<CacheKeyParts>]>([
    ['a pin', { files: [{ file: 'requirements.txt', content: 'six==1.16.0\n' }] }],
    ['a file name', { files: [{ file: 'requirements-dev.txt', content: 'six==1.17.0\n' }] }],
    ['another file', { files: [...base.files, { file: 'constraints.txt', content: '' }] }],
    ['the groups or extras', { extras: ['group:dev'] }],
    ['the venv path', { venvPath: '/home/runner/work/app/app/env' }],
    ['the interpreter', { pythonExecutable: '/usr/bin/python3.11' }],
  ])('changes the hash when %s changes, and keeps the restore key', (_what, change) => {
    const before = cacheKeys(base)
    const after = cacheKeys({ ...base, ...change })
    expect(after.key).not.toBe(before.key)
    expect(after.restoreKeys).toEqual(before.restoreKeys)
  })

  it.each<[string, Partial<CacheKeyParts>]>([
    ['Python version', { pythonVersion: '3.11.8' }],
    ['manager version', { managerVersion: '24.0' }],
    ['architecture', { arch: 'arm64' }],
    ['OS image', { os: 'linux-ubuntu22' }],
  ])('never restores across a different %s', (_what, change) => {
    const before = cacheKeys(base)
    const after = cacheKeys({ ...base, ...change })
    expect(after.key.startsWith(before.restoreKeys[0] ?? '')).toBe(false)
  })

  it('does not depend on the order the files are listed in', () => {
    const a = { file: 'a.txt', content: 'a' }
    const b = { file: 'b.txt', content: 'b' }
    expect(cacheKeys({ ...base, files: [a, b] }).key).toBe(cacheKeys({ ...base, files: [b, a] }).key)
  })

  it('yields keys the service accepts (≤ 512 chars, no commas) whatever the parts hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ maxLength: 64 }), (version, manager, suffix) => {
        const { key, restoreKeys } = cacheKeys({ ...base, managerVersion: version, manager, suffix })
        for (const k of [key, ...restoreKeys]) {
          expect(k.length).toBeLessThanOrEqual(512)
          expect(k).not.toContain(',')
        }
        expect(key.startsWith(restoreKeys[0] ?? '\0')).toBe(true)
      }),
    )
  })
})

describe('osKeyPart', () => {
  it.each([
    ['linux', 'ubuntu24', 'linux-ubuntu24'],
    ['darwin', undefined, 'macos'],
    ['win32', 'win22', 'windows-win22'],
  ] as const)('%s with ImageOS %s → %s', (platform, imageOs, expected) => {
    expect(osKeyPart(platform, imageOs)).toBe(expected)
  })
})
