import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { PythonMirror } from '../../../scripts/loopback/python-mirror.js'

jest.unstable_mockModule('@actions/core', () => core)
const { startPythonMirror } = await import('../../../scripts/loopback/python-mirror.js')
const { findExpectedChecksum, parseChecksumList, verifyChecksum } = await import(
  '../../../src/python/checksum.js'
)

const A = 'a'.repeat(64)
const B = 'B'.repeat(64)
const http = { attempts: 1, backoffMs: 1, idleTimeoutMs: 1000 }
const mirrors: PythonMirror[] = []
afterAll(() => Promise.all(mirrors.map((mirror) => mirror.close())))

describe('parseChecksumList', () => {
  it.each([
    [`${A}  python.tar.gz\n${B}  other.tar.gz\n`, 'other.tar.gz', false, 'b'.repeat(64)],
    [`${A} *python.tar.gz\n`, 'python.tar.gz', false, A],
    [`${A}  ./dist/python.tar.gz\n`, 'python.tar.gz', false, A],
    [`${A}\n`, 'python.tar.gz', true, A],
    [`${A}\n`, 'python.tar.gz', false, undefined],
    [`${A}  other.tar.gz\n`, 'python.tar.gz', true, undefined],
    ['not a hash  python.tar.gz\n', 'python.tar.gz', true, undefined],
  ])('%j, %s (bare allowed: %s) → %s', (text, file, bare, expected) => {
    expect(parseChecksumList(text, file, bare)).toBe(expected)
  })
})

describe('findExpectedChecksum', () => {
  async function mirrorWith(files: Record<string, string>) {
    const mirror = await startPythonMirror(files)
    mirrors.push(mirror)
    return mirror
  }

  it('prefers the input, then <archive>.sha256, then hashes.sha256, and says which', async () => {
    const mirror = await mirrorWith({ '/r/p.tgz.sha256': `${A}\n`, '/r/hashes.sha256': `${B}  p.tgz\n` })
    const url = `${mirror.url}/r/p.tgz`
    expect(await findExpectedChecksum(url, 'p.tgz', 'c'.repeat(64), http)).toEqual({
      sha256: 'c'.repeat(64),
      from: "input 'python-sha256'",
    })
    expect(await findExpectedChecksum(url, 'p.tgz', undefined, http)).toEqual({
      sha256: A,
      from: `${url}.sha256`,
    })
    const listOnly = await mirrorWith({ '/r/hashes.sha256': `${B}  p.tgz\n` })
    expect(await findExpectedChecksum(`${listOnly.url}/r/p.tgz`, 'p.tgz', undefined, http)).toEqual({
      sha256: B.toLowerCase(),
      from: `${listOnly.url}/r/hashes.sha256`,
    })
    const none = await mirrorWith({})
    expect(await findExpectedChecksum(`${none.url}/r/p.tgz`, 'p.tgz', undefined, http)).toBeUndefined()
  })

  it('verifies a file and explains a mismatch', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-sum-')), 'f')
    fs.writeFileSync(file, 'hello')
    const good = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
    await expect(verifyChecksum(file, 'http://x/f', { sha256: good, from: 'test' })).resolves.toBeUndefined()
    await expect(verifyChecksum(file, 'http://x/f', { sha256: A, from: 'test' })).rejects.toThrow(
      `The Python archive http://x/f has SHA-256 ${good}, but test says ${A}. Nothing was installed.`,
    )
  })
})
