import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { PythonMirror } from '../../../scripts/loopback/python-mirror.js'

jest.unstable_mockModule('@actions/core', () => core)
const { startPythonMirror } = await import('../../../scripts/loopback/python-mirror.js')
const { downloadToFile, fetchText, NotFoundError, UnreachableError } = await import(
  '../../../src/python/http-download.js'
)

const body = Buffer.from('x'.repeat(100_000))
const http = { attempts: 3, backoffMs: 10, idleTimeoutMs: 300 }
let mirror: PythonMirror

beforeAll(async () => {
  mirror = await startPythonMirror({ '/file': body, '/text': 'hello' })
})
afterAll(() => mirror.close())

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-dl-')), 'file')

describe('downloads with bounded retries', () => {
  it.each([
    ['a 500', { kind: 'status', status: 500 } as const],
    ['a 429', { kind: 'status', status: 429 } as const],
    ['a connection reset', { kind: 'reset' } as const],
    ['a truncated body', { kind: 'truncate' } as const],
    ['a response slower than the idle timeout', { kind: 'slow', delayMs: 2000 } as const],
  ])('retries %s and then succeeds', async (_name, fault) => {
    const before = mirror.requests.length
    mirror.inject('/file', fault)
    const dest = tempFile()
    await downloadToFile(`${mirror.url}/file`, dest, http)
    expect(fs.readFileSync(dest).equals(body)).toBe(true)
    expect(mirror.requests.slice(before)).toEqual(['/file', '/file'])
  })

  it('gives up after the last attempt and leaves no partial file', async () => {
    mirror.inject('/file', { kind: 'truncate' }, { kind: 'truncate' }, { kind: 'truncate' })
    const dest = tempFile()
    await expect(downloadToFile(`${mirror.url}/file`, dest, http)).rejects.toThrow(/truncated body/)
    expect(fs.existsSync(dest)).toBe(false)
  })

  it('does not retry a 404', async () => {
    const before = mirror.requests.length
    await expect(downloadToFile(`${mirror.url}/missing`, tempFile(), http)).rejects.toBeInstanceOf(
      NotFoundError,
    )
    expect(await fetchText(`${mirror.url}/missing`, http)).toBeUndefined()
    expect(mirror.requests.slice(before)).toEqual(['/missing', '/missing'])
  })

  it('does not retry a host that does not exist', async () => {
    await expect(fetchText('http://setup-python-env.invalid/x', http)).rejects.toBeInstanceOf(
      UnreachableError,
    )
  })

  it('reads text', async () => {
    expect(await fetchText(`${mirror.url}/text`, http)).toBe('hello')
  })
})
