import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { installArchive } from '../../../src/python/install-archive.js'
import { fakePythonArchive } from './fake-python.js'

function archiveFile(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-arch-')), 'python.tar.gz')
  fs.writeFileSync(file, bytes)
  return file
}
const emptyToolCache = () => fs.mkdtempSync(path.join(os.tmpdir(), 'spe-tc-'))

describe('installArchive', () => {
  it('lays the files out like the runner, without setup.sh, and marks them complete last', async () => {
    const toolCache = emptyToolCache()
    const target = await installArchive(
      archiveFile(fakePythonArchive('3.11.7')),
      toolCache,
      '3.11.7',
      'x64',
      'linux',
    )
    expect(target).toBe(path.join(toolCache, 'Python', '3.11.7', 'x64'))
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['x64', 'x64.complete'])
    expect(fs.existsSync(path.join(target, 'setup.sh'))).toBe(false)
    for (const link of ['python', 'bin/python', 'bin/python3', 'bin/python311']) {
      expect(fs.readlinkSync(path.join(target, link))).toMatch(/python3\.11$/)
    }
  })

  it('replaces a half-installed version left by an earlier crash', async () => {
    const toolCache = emptyToolCache()
    fs.mkdirSync(path.join(toolCache, 'Python', '3.11.7', 'x64', 'junk'), { recursive: true })
    const target = await installArchive(
      archiveFile(fakePythonArchive('3.11.7')),
      toolCache,
      '3.11.7',
      'x64',
      'linux',
    )
    expect(fs.existsSync(path.join(target, 'junk'))).toBe(false)
    expect(fs.existsSync(`${target}.complete`)).toBe(true)
  })

  it('removes staging folders an hour old (a job killed mid-extraction), never a fresh one', async () => {
    const toolCache = emptyToolCache()
    const versionDir = path.join(toolCache, 'Python', '3.11.7')
    const stale = path.join(versionDir, '.x64-partial-killed')
    const fresh = path.join(versionDir, '.x64-partial-running')
    fs.mkdirSync(path.join(stale, 'lib'), { recursive: true })
    fs.mkdirSync(fresh, { recursive: true })
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000)
    fs.utimesSync(stale, hourAgo, hourAgo)
    await installArchive(archiveFile(fakePythonArchive('3.11.7')), toolCache, '3.11.7', 'x64', 'linux')
    expect(fs.readdirSync(versionDir).sort()).toEqual(['.x64-partial-running', 'x64', 'x64.complete'])
  })

  it.each([
    ['an archive holding another version', fakePythonArchive('3.11.7', '3.11.6'), /holds Python 3\.11\.6/],
    ['a corrupt archive', Buffer.from('not a tarball'), /tar|exit code/i],
    ['an archive without a Python', fakePythonArchive('3.12.1'), /does not run/],
  ])('leaves nothing behind for %s', async (_name, bytes, message) => {
    const toolCache = emptyToolCache()
    await expect(installArchive(archiveFile(bytes), toolCache, '3.11.7', 'x64', 'linux')).rejects.toThrow(
      message,
    )
    expect(fs.readdirSync(path.join(toolCache, 'Python'))).toEqual([])
  })
})
