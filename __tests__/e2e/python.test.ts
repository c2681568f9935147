import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  buildPythonArchive,
  type MirrorRelease,
  mirrorLayout,
  type PythonMirror,
  startPythonMirror,
} from '../../scripts/loopback/python-mirror.js'
import { discoverPythons, type LocalPython, layToolCache, runnerArch } from '../support/python-installs.js'
import { copyExample, errors, runAction } from '../support/run-action.js'

const arch = runnerArch()
let pythons: LocalPython[] = []
let py311: LocalPython
let archive: Buffer
const mirrors: PythonMirror[] = []

beforeAll(() => {
  pythons = discoverPythons()
  const found = pythons.find((python) => python.version.startsWith('3.11.'))
  if (!found)
    throw new Error(`these tests need a CPython 3.11 on this machine; found ${pythons.map((p) => p.version)}`)
  py311 = found
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-archive-')), 'python.tar.gz')
  buildPythonArchive(py311.prefix, py311.version, file)
  archive = fs.readFileSync(file)
})

afterAll(async () => {
  await Promise.all(mirrors.map((mirror) => mirror.close()))
})

async function mirrorWith(releases: Omit<MirrorRelease, 'archive'>[]) {
  const layout = mirrorLayout(releases.map((release) => ({ ...release, archive })))
  const mirror = await startPythonMirror(layout.files)
  mirrors.push(mirror)
  return { mirror, archivePath: layout.archivePaths[py311.version] ?? '' }
}

const emptyToolCache = () => fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
const installedIn = (toolCache: string) => path.join(toolCache, 'Python', py311.version, arch)

describe('Python from the tool cache or a verified download', () => {
  it('resolves .python-version 3.11 from a runner tool cache and names the source', async () => {
    const toolCacheDir = layToolCache([py311])
    const run = await runAction('pip-project', { toolCacheDir })
    expect(errors(run)).toEqual([])
    expect(run.outputs).toMatchObject({
      'python-version': py311.version,
      'python-version-source': '.python-version:1',
      'python-cache-hit': 'true',
      'python-path': path.join(installedIn(toolCacheDir), 'bin', 'python3'),
    })
    expect(run.exportedEnv).toMatchObject({
      pythonLocation: installedIn(toolCacheDir),
      Python_ROOT_DIR: installedIn(toolCacheDir),
      Python3_ROOT_DIR: installedIn(toolCacheDir),
      PKG_CONFIG_PATH: path.join(installedIn(toolCacheDir), 'lib', 'pkgconfig'),
    })
    expect(run.addedPath).toContain(path.join(installedIn(toolCacheDir), 'bin'))
  })

  it('downloads through the mirror (retrying a 500 and a truncated body), verifies, installs; the next run uses the tool cache', async () => {
    const { mirror, archivePath } = await mirrorWith([{ version: py311.version }])
    mirror.inject(archivePath, { kind: 'status', status: 500 }, { kind: 'truncate' })
    const toolCacheDir = emptyToolCache()
    const first = await runAction('pip-project', { toolCacheDir, inputs: { 'python-mirror': mirror.url } })
    expect(errors(first)).toEqual([])
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ 'python-version': py311.version, 'python-cache-hit': 'false' })
    expect(first.exportedEnv.pythonLocation).toBe(installedIn(toolCacheDir))
    expect(first.log).toContain(`SHA-256 verified against ${mirror.url}/`)
    expect(mirror.requests.filter((request) => request === archivePath)).toHaveLength(3)
    expect(fs.existsSync(`${installedIn(toolCacheDir)}.complete`)).toBe(true)
    expect(fs.existsSync(path.join(installedIn(toolCacheDir), 'setup.sh'))).toBe(false)
    expect(fs.readdirSync(path.join(toolCacheDir, 'Python', py311.version))).toEqual([
      arch,
      `${arch}.complete`,
    ])

    const requestsBefore = mirror.requests.length
    const second = await runAction('pip-project', { toolCacheDir, inputs: { 'python-mirror': mirror.url } })
    expect(second.exitCode).toBe(0)
    expect(second.outputs).toMatchObject({ 'python-version': py311.version, 'python-cache-hit': 'true' })
    expect(mirror.requests.slice(requestsBefore)).toEqual([])
  })

  it('refuses an archive whose checksum does not match and leaves nothing in the tool cache', async () => {
    const { mirror, archivePath } = await mirrorWith([{ version: py311.version }])
    const hashes = archivePath.replace(/[^/]+$/, 'hashes.sha256')
    mirror.setFile(hashes, `${'0'.repeat(64)}  ${path.basename(archivePath)}\n`)
    const toolCacheDir = emptyToolCache()
    const run = await runAction('pip-project', { toolCacheDir, inputs: { 'python-mirror': mirror.url } })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.message).toContain(`but ${mirror.url}${hashes} says ${'0'.repeat(64)}`)
    expect(run.log).not.toMatch(/\n\s+at /)
    expect(fs.readdirSync(toolCacheDir)).toEqual(expect.not.arrayContaining(['Python']))
  })

  it('names the nearest available versions when the pinned one does not exist', async () => {
    const { mirror } = await mirrorWith([{ version: py311.version }, { version: '3.98.0', stable: false }])
    const run = await runAction('pip-project', {
      toolCacheDir: emptyToolCache(),
      inputs: { 'python-version': '3.99', 'python-mirror': mirror.url },
    })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.message).toMatch(
      /Python 3\.99 was asked for by input 'python-version'.*Nearest available: 3\.98\.0, /,
    )
    expect(errors(run)[0]?.message).toContain(py311.version)
  })

  it('picks the newest tool cache Python that requires-python allows, read through python-version-file', async () => {
    const allowed = pythons.filter((python) => /^3\.(10|11|12)\./.test(python.version))
    const toolCacheDir = layToolCache(pythons)
    const projectDir = copyExample('pip-project')
    fs.rmSync(path.join(projectDir, '.python-version'))
    fs.writeFileSync(
      path.join(projectDir, 'pyproject.toml'),
      '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "mlproject"\nversion = "0.1.0"\nrequires-python = ">=3.10,<3.13"\n',
    )
    const run = await runAction('pip-project', {
      projectDir,
      toolCacheDir,
      inputs: { 'python-version-file': 'pyproject.toml' },
    })
    expect(errors(run)).toEqual([])
    expect(run.outputs).toMatchObject({
      'python-version': allowed[0]?.version,
      'python-version-source': 'pyproject.toml:8',
      'python-cache-hit': 'true',
    })
  })
})
