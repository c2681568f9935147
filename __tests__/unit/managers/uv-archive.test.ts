import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import { startUvMirror, type UvMirror } from '../../../scripts/loopback/uv-mirror.js'

// The uv release archive through the loopback mirror (stand-in programs, real tar.gz and
// .sha256), verified and put into the tool cache.
// tool-cache's extractTar asks core.isDebug()
jest.unstable_mockModule('@actions/core', () => ({ ...coreMock, isDebug: () => false }))
const { installUvFromArchive } = await import('../../../src/managers/uv-install-archive.js')
const { uvTarget } = await import('../../../src/managers/uv-target.js')

const arch = process.arch === 'arm64' ? 'arm64' : 'x64'
let temp: string
let mirror: UvMirror

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-uv-archive-'))
  const bin = path.join(temp, 'bin')
  fs.mkdirSync(bin)
  for (const name of ['uv', 'uvx'])
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\necho ${name}\n`, { mode: 0o755 })
  mirror = await startUvMirror({
    version: '0.13.9',
    uvBinDir: bin,
    target: uvTarget(process.platform, arch).target,
  })
})
afterAll(async () => {
  await mirror.close()
  fs.rmSync(temp, { recursive: true, force: true })
})
beforeEach(() => {
  mirror.fault = 'none'
  const run = fs.mkdtempSync(path.join(temp, 'run-'))
  process.env.RUNNER_TOOL_CACHE = path.join(run, 'toolcache')
  process.env.RUNNER_TEMP = path.join(run, 'temp')
  fs.mkdirSync(process.env.RUNNER_TEMP, { recursive: true })
})

describe('installUvFromArchive', () => {
  it('downloads, verifies and caches uv and uvx', async () => {
    const dir = await installUvFromArchive('0.13.9', mirror.url, arch, os.tmpdir())
    expect(dir).toBe(path.join(process.env.RUNNER_TOOL_CACHE ?? '', 'uv', '0.13.9', arch))
    expect(fs.readdirSync(dir).sort()).toEqual(['uv', 'uvx'])
    expect(mirror.requests.slice(-2).map((request) => path.basename(request))).toEqual([
      expect.stringMatching(/\.tar\.gz$/),
      expect.stringMatching(/\.tar\.gz\.sha256$/),
    ])
  })

  it('discards an archive whose sha256 does not match, and caches nothing', async () => {
    mirror.fault = 'bad-sha256'
    await expect(installUvFromArchive('0.13.9', mirror.url, arch, os.tmpdir())).rejects.toThrow(
      'the archive was discarded',
    )
    expect(fs.existsSync(path.join(process.env.RUNNER_TOOL_CACHE ?? '', 'uv'))).toBe(false)
  })

  it('names a release that does not exist as such', async () => {
    await expect(installUvFromArchive('0.0.1', mirror.url, arch, os.tmpdir())).rejects.toThrow(
      'uv 0.0.1 was not found at',
    )
  })
})
