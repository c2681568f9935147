import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { PythonMirror } from '../../../scripts/loopback/python-mirror.js'
import type { PythonVersionSource } from '../../../src/model/project.js'
import { fakePythonArchive, fakePythonScript, fakeToolCache } from './fake-python.js'

// tool-cache's extractTar asks isDebug, which the shared fixture does not mock
jest.unstable_mockModule('@actions/core', () => ({ ...core, isDebug: () => false }))
const { mirrorLayout, startPythonMirror } = await import('../../../scripts/loopback/python-mirror.js')
const { findPython } = await import('../../../src/python/find-python.js')
const { UserError } = await import('../../../src/errors.js')

const mirrors: PythonMirror[] = []
afterAll(() => Promise.all(mirrors.map((mirror) => mirror.close())))
beforeEach(() => {
  core.warning.mockClear()
})

async function mirrorOf(versions: string[]) {
  const mirror = await startPythonMirror(
    mirrorLayout(versions.map((version) => ({ version, archive: fakePythonArchive(version) }))).files,
  )
  mirrors.push(mirror)
  return mirror
}

function pinned(value: string, file = '.python-version', line = 1): PythonVersionSource[] {
  return [
    {
      value: '3.12',
      specifier: '==3.12.*',
      file: 'Dockerfile',
      line: 1,
      kind: 'dockerfile',
      usedForSelection: false,
    },
    { value, specifier: '', file, line, kind: 'python-version-file', usedForSelection: true },
  ]
}

const http = { attempts: 1, backoffMs: 1, idleTimeoutMs: 2000 }
const options = (toolCacheDir: string, mirror: string, extra = {}) => ({
  toolCacheDir,
  arch: 'x64',
  pathEnv: '',
  platform: 'linux' as const,
  tempDir: fs.mkdtempSync(path.join(os.tmpdir(), 'spe-temp-')),
  mirror,
  http,
  ...extra,
})

describe('findPython', () => {
  it('picks the newest complete tool cache version a range allows, without any download', async () => {
    const mirror = await mirrorOf(['3.12.9'])
    const toolCache = fakeToolCache(['3.10.13', '3.12.1', '3.13.0'], 'x64', ['3.12.5'])
    const python = await findPython(
      pinned('>=3.10,<3.13', 'pyproject.toml', 7),
      options(toolCache, mirror.url),
    )
    expect(python).toMatchObject({
      version: '3.12.1',
      prefix: path.join(toolCache, 'Python', '3.12.1', 'x64'),
      executable: path.join(toolCache, 'Python', '3.12.1', 'x64', 'bin', 'python3'),
      source: 'pyproject.toml:7',
      foundIn: 'tool-cache',
      cacheHit: true,
    })
    expect(mirror.requests).toEqual([])
  })

  it('with check-latest, downloads a newer matching release into the tool cache', async () => {
    const mirror = await mirrorOf(['3.11.7', '3.12.1'])
    const toolCache = fakeToolCache(['3.11.6'])
    const python = await findPython(pinned('3.11'), options(toolCache, mirror.url, { checkLatest: true }))
    expect(python).toMatchObject({ version: '3.11.7', foundIn: 'download', cacheHit: false })
    expect(fs.existsSync(path.join(toolCache, 'Python', '3.11.7', 'x64.complete'))).toBe(true)
  })

  it('with check-latest, keeps the tool cache version when the manifest has nothing newer', async () => {
    const mirror = await mirrorOf(['3.11.7'])
    const python = await findPython(
      pinned('3.11'),
      options(fakeToolCache(['3.11.7']), mirror.url, { checkLatest: true }),
    )
    expect(python).toMatchObject({ version: '3.11.7', foundIn: 'tool-cache', cacheHit: true })
  })

  it('uses a free-threaded build for 3.13t', async () => {
    const mirror = await mirrorOf([])
    const toolCache = fakeToolCache(['3.13.0'], 'x64-freethreaded')
    const python = await findPython(pinned('3.13t'), options(toolCache, mirror.url))
    expect(python.prefix).toBe(path.join(toolCache, 'Python', '3.13.0', 'x64-freethreaded'))
  })

  it('falls back to PATH when the manifest cannot be reached, with a warning', async () => {
    const closed = await mirrorOf([])
    await closed.close()
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-bin-'))
    fs.writeFileSync(path.join(bin, 'python3.11'), fakePythonScript('3.11.4'), { mode: 0o755 })
    const python = await findPython(pinned('3.11'), options(fakeToolCache([]), closed.url, { pathEnv: bin }))
    expect(python).toMatchObject({
      version: '3.11.4',
      foundIn: 'path',
      executable: path.join(bin, 'python3.11'),
    })
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringContaining('Could not read the Python versions manifest'),
      {
        title: 'Python manifest unavailable',
      },
    )
  })

  it.each([
    ['a 404', { kind: 'status', status: 404 } as const, /failed: HTTP 404\. Nothing was installed\./],
    ['a truncated body', { kind: 'truncate' } as const, /failed: truncated body/],
  ])('turns %s on the archive into a clear error, installing nothing', async (_name, fault, message) => {
    const mirror = await mirrorOf(['3.11.7'])
    const archivePath = `/3.11.7-${process.pid}/python-3.11.7-linux-x64.tar.gz`
    mirror.inject(archivePath, fault)
    const toolCache = fakeToolCache([])
    const attempt = findPython(pinned('3.11'), options(toolCache, mirror.url))
    await expect(attempt).rejects.toBeInstanceOf(UserError)
    await expect(attempt).rejects.toMatchObject({
      title: 'Python download failed',
      message: expect.stringMatching(message),
    })
    expect(fs.existsSync(path.join(toolCache, 'Python', '3.11.7'))).toBe(false)
  })

  it('names the source and the nearest versions when nothing matches', async () => {
    const mirror = await mirrorOf(['3.11.7', '3.12.1', '3.13.0'])
    const attempt = findPython(
      pinned('3.99', '.python-version', 2),
      options(fakeToolCache(['3.10.13']), mirror.url),
    )
    await expect(attempt).rejects.toBeInstanceOf(UserError)
    await expect(attempt).rejects.toMatchObject({
      file: '.python-version',
      line: 2,
      message: expect.stringContaining('Nearest available: 3.13.0, 3.12.1, 3.11.7, 3.10.13.'),
    })
  })
})
