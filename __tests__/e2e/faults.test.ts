import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type LoopbackCacheService, startCacheService } from '../../scripts/loopback/cache-service.js'
import { CacheStore } from '../../scripts/loopback/cache-store.js'
import { startGitHubApi } from '../../scripts/loopback/github-api.js'
import {
  buildPythonArchive,
  mirrorLayout,
  type PythonMirror,
  startPythonMirror,
} from '../../scripts/loopback/python-mirror.js'
import { hostUvTarget, startUvMirror, type UvMirror } from '../../scripts/loopback/uv-mirror.js'
import { expectGreen, pipList as pipListMap } from '../support/expect-run.js'
import { discoverPythons, type LocalPython, runnerArch } from '../support/python-installs.js'
import { type ActionRun, copyExample, errors, repoRoot, runAction, toolsBin } from '../support/run-action.js'

const pipList = (venv: string) => Object.fromEntries(pipListMap(venv))

/**
 * Faults injected through the loopback peers, each followed by a run without the fault: a
 * fault may cost a run its cache or fail it with one clear error, but it must never poison
 * the next run (a half-extracted Python used, a half-uploaded or failed run's entry restored,
 * a half-installed venv reused). docs/faults.md lists these with their outcomes.
 */

const MINUTE = 60_000
const arch = runnerArch()
const NO_STACK = /\n\s+at .+:\d+:\d+\)?\n/

function warnings(run: Pick<ActionRun, 'annotations'>): string {
  return run.annotations
    .filter((a) => a.level === 'warning')
    .map((a) => a.message)
    .join('\n')
}

/** One clear error, no stack, post green. */
function expectCleanFailure(run: ActionRun, message: RegExp): void {
  expect(run.exitCode).toBe(1)
  expect(run.post.exitCode).toBe(0)
  expect(errors(run)).toHaveLength(1)
  expect(errors(run)[0]?.message).toMatch(message)
  expect(run.log).not.toMatch(NO_STACK)
}

describe('cache service faults, each followed by a clean run (pip-project)', () => {
  let service: LoopbackCacheService
  let cacheDir: string
  let projectDir: string
  let key = ''
  const run = (
    faults: Parameters<LoopbackCacheService['setFaults']>[0],
    env: Record<string, string> = {},
  ) => {
    service.setFaults(faults)
    return runAction('pip-project', { projectDir, cacheDir, cacheService: service, env })
  }

  beforeAll(async () => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-cache-'))
    service = await startCacheService({ dir: path.join(cacheDir, 'service') })
    projectDir = copyExample('pip-project')
  })
  afterAll(() => service.close())

  it(
    'upload answered 500: green, a warning, no entry; the next run misses (nothing half-uploaded is served) and saves',
    async () => {
      const failed = await run({ upload500: true })
      expectGreen(failed)
      key = failed.outputs['cache-key'] ?? ''
      expect(failed.post.log).toMatch(/Cache save failed|was not saved/)
      expect(service.envKeys()).toEqual([])

      const next = await run({})
      expectGreen(next)
      expect(next.outputs).toMatchObject({ 'cache-hit': 'false', 'cache-key': key, 'cache-matched-key': '' })
      expect(service.envKeys()).toEqual([key])
    },
    6 * MINUTE,
  )

  it(
    'a corrupt download (right length, wrong bytes): a miss with a warning and a fresh install; the entry still restores next time',
    async () => {
      const corrupt = await run({ corruptDownload: true })
      expectGreen(corrupt)
      expect(corrupt.outputs['cache-hit']).toBe('false')
      expect(warnings(corrupt)).toMatch(/Failed to restore|Cache restore failed/)
      expect(corrupt.log).toMatch(/-m pip install /)
      expect(pipList(path.join(projectDir, '.venv'))).toMatchObject({ idna: '3.10', pytest: '8.3.5' })
      // the entry exists, so post's save conflicts: a warning, never a failure
      expect(service.envKeys()).toEqual([key])

      const next = await run({})
      expectGreen(next)
      expect(next.outputs).toMatchObject({ 'cache-hit': 'true', 'cache-matched-key': key })
      expect(next.log).toContain('skipping install')
    },
    6 * MINUTE,
  )

  it(
    'a slow service (every answer 3 s late, under the deadline): still an exact hit',
    async () => {
      const slow = await run({ slowMs: 3000 })
      expectGreen(slow)
      expect(slow.outputs).toMatchObject({ 'cache-hit': 'true', 'cache-matched-key': key })
      expect(warnings(slow)).toBe('')
    },
    4 * MINUTE,
  )

  it(
    'a key reserved by another job (409 on CreateCacheEntry): green, a warning, nothing saved',
    async () => {
      const other = copyExample('pip-project')
      fs.appendFileSync(path.join(other, 'requirements.txt'), '# another lock\n')
      service.setFaults({ reserveConflict: true })
      const conflict = await runAction('pip-project', { projectDir: other, cacheDir, cacheService: service })
      expectGreen(conflict)
      expect(conflict.outputs['cache-key']).not.toBe(key)
      expect(conflict.post.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual(
        expect.arrayContaining([expect.stringMatching(/was not saved/)]),
      )
      expect(service.envKeys()).toEqual([key])
    },
    4 * MINUTE,
  )

  it(
    'a slow restore beyond the deadline: abandoned with a warning, installed, and the run ends (no hanging socket)',
    async () => {
      const started = Date.now()
      const late = await run({ slowMs: 20_000 }, { SETUP_PYTHON_ENV_CACHE_TIMEOUT: '4' })
      expectGreen(late)
      expect(warnings(late)).toMatch(/Cache restore took longer than 4s/)
      expect(late.outputs['cache-hit']).toBe('false')
      expect(pipList(path.join(projectDir, '.venv'))).toMatchObject({ idna: '3.10', pytest: '8.3.5' })
      expect(Date.now() - started).toBeLessThan(4 * MINUTE)
    },
    5 * MINUTE,
  )
})

describe('a cache lookup that answers after the deadline (pip-project)', () => {
  it(
    'the abandoned restore, finishing late, never writes into the env being installed',
    async () => {
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-late-'))
      const service = await startCacheService({ dir: path.join(cacheDir, 'service') })
      try {
        const projectDir = copyExample('pip-project')
        const first = await runAction('pip-project', { projectDir, cacheDir, cacheService: service })
        expectGreen(first)
        const key = first.outputs['cache-key'] ?? ''
        withPoison(new CacheStore(service.dir), key)
        // a new lock: the old entry is a partial hit, whose env must not mix into the new one
        const requirements = path.join(projectDir, 'requirements.txt')
        fs.writeFileSync(
          requirements,
          fs.readFileSync(requirements, 'utf8').replace('iniconfig==2.1.0', 'iniconfig==2.0.0'),
        )
        service.setFaults({ twirpDelayMs: 5000 })
        const late = await runAction('pip-project', {
          projectDir,
          cacheDir,
          cacheService: service,
          env: { SETUP_PYTHON_ENV_CACHE_TIMEOUT: '2' },
        })
        expectGreen(late)
        expect(warnings(late)).toMatch(/Cache restore took longer than 2s/)
        expect(fs.existsSync(path.join(projectDir, '.venv', 'POISON'))).toBe(false)
        expect(pipList(path.join(projectDir, '.venv')).iniconfig).toBe('2.0.0')
        // the late restore did run, into a throwaway folder
        expect(findFiles(late.workDir, 'POISON').length).toBeGreaterThan(0)
        expect(findFiles(projectDir, 'POISON')).toEqual([])
      } finally {
        await service.close()
      }
    },
    6 * MINUTE,
  )
})

/** Adds `.venv/POISON` to an entry's archive: a file only a late restore could bring. */
function withPoison(store: CacheStore, key: string): void {
  const archive = store.latest(key)?.archive ?? ''
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-poison-'))
  const tar = path.join(work, 'cache.tar')
  execFileSync('zstd', ['-q', '-d', '--long=30', archive, '-o', tar])
  fs.mkdirSync(path.join(work, '.venv'))
  fs.writeFileSync(path.join(work, '.venv', 'POISON'), 'restored late\n')
  execFileSync('tar', ['--append', '-f', tar, '-C', work, '.venv/POISON'])
  execFileSync('zstd', ['-q', '--long=30', tar, '-o', path.join(work, 'cache.tzst')])
  store.replaceArchive(key, path.join(work, 'cache.tzst'))
}

function findFiles(dir: string, name: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.name === name) found.push(path.join(entry.parentPath, entry.name))
  }
  return found
}

describe('a GitHub API that never answers (pull request comment)', () => {
  it(
    'the comment is given up after the 30 s socket timeout with a warning; the run is green',
    async () => {
      const api = await startGitHubApi()
      api.hangMs = 110_000
      try {
        const repo = copyExample('pip-project')
        const git = (...args: string[]) =>
          execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo })
        git('init', '-q', '-b', 'main')
        git('add', '.')
        git('commit', '-qm', 'base')
        git('checkout', '-qb', 'feature')
        const started = Date.now()
        const run = await runAction('pip-project', {
          projectDir: repo,
          eventName: 'pull_request',
          baseRef: 'main',
          inputs: { 'github-token': 'ghs_fake', comment: 'always', 'smoke-test': 'none', cache: 'false' },
          env: { GITHUB_API_URL: api.url },
        })
        expectGreen(run)
        expect(warnings(run)).toMatch(/Could not comment on pull request #1/)
        expect(api.requests.length).toBeGreaterThan(0)
        expect(Date.now() - started).toBeLessThan(100_000)
      } finally {
        await api.close()
      }
    },
    4 * MINUTE,
  )
})

describe('an install killed half-way, then a clean run (setuppy-project)', () => {
  it(
    'kills the action while pip builds the project (pins already installed): nothing saved; the next run rebuilds the env',
    async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-kill-'))
      const service = await startCacheService({ dir: path.join(root, 'service') })
      try {
        const projectDir = copyExample('setuppy-project')
        const killedMarker = path.join(root, 'killed')
        const setupPy = path.join(projectDir, 'setup.py')
        fs.writeFileSync(setupPy, `${KILLER}\n${fs.readFileSync(setupPy, 'utf8')}`)
        const killed = await runAction('setuppy-project', {
          projectDir,
          cacheDir: root,
          cacheService: service,
          env: { SPE_KILL_ACTION: killedMarker },
        })
        expect(fs.existsSync(killedMarker)).toBe(true)
        expect(killed.exitCode).not.toBe(0)
        expect(killed.post.exitCode).toBe(0)
        expect(killed.post.log).toContain('The main step did not succeed; nothing is saved.')
        expect(service.envKeys()).toEqual([])
        // what the kill left: a venv with the pins but without the project
        const half = pipList(path.join(projectDir, '.venv'))
        expect(half.pytest).toBe('8.3.5')
        expect(half.mlcourse).toBeUndefined()

        const next = await runAction('setuppy-project', { projectDir, cacheDir: root, cacheService: service })
        expectGreen(next)
        expect(next.outputs['smoke-test-result']).toBe('passed')
        expect(pipList(path.join(projectDir, '.venv'))).toMatchObject({ mlcourse: '0.1.0', pytest: '8.3.5' })
        expect(service.envKeys()).toEqual([next.outputs['cache-key']])
      } finally {
        await service.close()
      }
    },
    8 * MINUTE,
  )
})

/**
 * Prepended to setup.py: when SPE_KILL_ACTION names a file, SIGKILL the action's node process
 * (an ancestor running dist/index.js) as a runner cancel or an OOM kill would, mid-install.
 */
const KILLER = `
import os as _os, signal as _signal
def _spe_kill_action():
    marker = _os.environ.get("SPE_KILL_ACTION")
    if not marker:
        return
    pid = _os.getppid()
    while pid > 1:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\\0")
        if any(arg.endswith(b"dist/index.js") for arg in argv):
            open(marker, "w").close()
            _os.kill(pid, _signal.SIGKILL)
            raise SystemExit(1)
        with open(f"/proc/{pid}/stat") as f:
            pid = int(f.read().rsplit(")", 1)[1].split()[1])
_spe_kill_action()
`

describe('Python mirror faults, each followed by a clean run (pip-project, empty tool cache)', () => {
  let py311: LocalPython
  let archive: Buffer
  let mirror: PythonMirror
  let archivePath = ''
  const installedIn = (toolCache: string) => path.join(toolCache, 'Python', py311.version, arch)
  const emptyToolCache = () => fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-tc-'))
  const download = (toolCacheDir: string, timeoutMs?: number) =>
    runAction('pip-project', {
      toolCacheDir,
      inputs: { 'python-mirror': mirror.url, 'smoke-test': 'none', cache: 'false' },
      timeoutMs,
    })
  /** Only complete Pythons (with their marker) are left in the tool cache. */
  const expectOnlyComplete = (toolCache: string) => {
    const versionDir = path.join(toolCache, 'Python', py311.version)
    expect(fs.existsSync(versionDir) ? fs.readdirSync(versionDir).sort() : []).toEqual(
      fs.existsSync(`${installedIn(toolCache)}.complete`) ? [arch, `${arch}.complete`] : [],
    )
  }

  beforeAll(async () => {
    const found = discoverPythons().find((python) => python.version.startsWith('3.11.'))
    if (!found) throw new Error('these tests need a CPython 3.11 on this machine')
    py311 = found
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-archive-')), 'python.tar.gz')
    buildPythonArchive(py311.prefix, py311.version, file)
    archive = fs.readFileSync(file)
    const layout = mirrorLayout([{ version: py311.version, archive }])
    archivePath = layout.archivePaths[py311.version] ?? ''
    mirror = await startPythonMirror(layout.files)
  })
  afterAll(() => mirror.close())

  it(
    'archive 404: not retried, one clear error, nothing in the tool cache; the next run installs',
    async () => {
      const toolCache = emptyToolCache()
      mirror.inject(archivePath, { kind: 'status', status: 404 })
      const before = mirror.requests.length
      const failed = await download(toolCache)
      expectCleanFailure(
        failed,
        /Installing Python 3\.11\.\d+ from .* failed: HTTP 404\. Nothing was installed\./,
      )
      expect(mirror.requests.slice(before).filter((r) => r === archivePath)).toHaveLength(1)
      expect(fs.existsSync(path.join(toolCache, 'Python'))).toBe(false)

      const next = await download(toolCache)
      expect(next.exitCode).toBe(0)
      expect(next.outputs['python-cache-hit']).toBe('false')
      expectOnlyComplete(toolCache)
    },
    5 * MINUTE,
  )

  it(
    'every try fails (500, reset, truncated, truncated): exactly 4 tries with backoff, then one clear error, nothing installed',
    async () => {
      const toolCache = emptyToolCache()
      mirror.inject(
        archivePath,
        { kind: 'status', status: 500 },
        { kind: 'reset' },
        { kind: 'truncate' },
        { kind: 'truncate' },
      )
      const before = mirror.requests.length
      const failed = await download(toolCache)
      expectCleanFailure(failed, /failed: truncated body: .*\. Nothing was installed\./)
      expect(mirror.requests.slice(before).filter((r) => r === archivePath)).toHaveLength(4)
      expect(failed.log).toMatch(
        /try 2 of 4 in 1000 ms[\s\S]*try 3 of 4 in 2000 ms[\s\S]*try 4 of 4 in 4000 ms/,
      )
      expect(fs.existsSync(path.join(toolCache, 'Python'))).toBe(false)
    },
    5 * MINUTE,
  )

  it(
    'the manifest answers 500 on every try: a warning, and the Python on PATH is used',
    async () => {
      mirror.inject(
        '/versions-manifest.json',
        ...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 500 })),
      )
      const run = await download(emptyToolCache())
      expect(run.exitCode).toBe(0)
      expect(warnings(run)).toMatch(/Could not read the Python versions manifest .*: HTTP 500/)
      expect(run.log).toContain('from PATH')
    },
    5 * MINUTE,
  )

  it(
    'a half-extracted Python left by a killed run (no .complete, a staging folder) is never used; the next run replaces it',
    async () => {
      const toolCache = emptyToolCache()
      const half = installedIn(toolCache)
      fs.mkdirSync(path.join(half, 'bin'), { recursive: true })
      fs.writeFileSync(path.join(half, 'bin', 'python3'), '#!/bin/sh\nexit 99\n', { mode: 0o755 })
      fs.mkdirSync(path.join(path.dirname(half), `.${arch}-partial-killed`, 'lib'), { recursive: true })
      const run = await download(toolCache)
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ 'python-version': py311.version, 'python-cache-hit': 'false' })
      expect(fs.existsSync(`${half}.complete`)).toBe(true)
      expect(
        execFileSync(path.join(half, 'bin', 'python3'), ['-c', 'print(1)'])
          .toString()
          .trim(),
      ).toBe('1')
    },
    5 * MINUTE,
  )

  it(
    'the action killed mid-download (a stalled mirror, the step killed): the next run installs a complete Python',
    async () => {
      const toolCache = emptyToolCache()
      mirror.inject(archivePath, { kind: 'slow', delayMs: 60_000 })
      const killed = await download(toolCache, 15_000)
      expect(killed.exitCode).not.toBe(0)
      expect(killed.log).toContain('[local runner] step exceeded')
      expectOnlyComplete(toolCache)

      const next = await download(toolCache)
      expect(next.exitCode).toBe(0)
      expectOnlyComplete(toolCache)
      expect(fs.existsSync(`${installedIn(toolCache)}.complete`)).toBe(true)
    },
    5 * MINUTE,
  )

  it(
    'a hostile archive (a member climbing out of the tool cache) with a valid checksum: refused, nothing written anywhere',
    async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-hostile-'))
      const toolCache = path.join(root, 'toolcache')
      fs.mkdirSync(toolCache)
      const hostile = hostileArchive(root, ['../../../../escaped.txt'])
      const layout = mirrorLayout([{ version: py311.version, archive: hostile }])
      const evil = await startPythonMirror(layout.files)
      try {
        const run = await runAction('pip-project', {
          toolCacheDir: toolCache,
          inputs: { 'python-mirror': evil.url, cache: 'false' },
        })
        expectCleanFailure(
          run,
          /the archive was refused: '\.\.\/\.\.\/\.\.\/\.\.\/escaped\.txt' points outside/,
        )
        expect(errors(run)[0]?.title).toBe('Python archive refused')
        expect(fs.readdirSync(root)).toEqual(['toolcache'])
        expect(fs.existsSync(path.join(toolCache, 'Python', py311.version, arch))).toBe(false)
      } finally {
        await evil.close()
      }
    },
    4 * MINUTE,
  )
})

/** A .tar.gz with a normal member plus the hostile names given (Python's tarfile writes any name). */
function hostileArchive(dir: string, names: string[]): Buffer {
  const file = path.join(dir, '..', `${path.basename(dir)}-hostile.tar.gz`)
  const script = `
import io, sys, tarfile
with tarfile.open(sys.argv[1], "w:gz") as tar:
    for name in ["bin/python3.11", *sys.argv[2:]]:
        body = b"x"
        info = tarfile.TarInfo(name)
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
`
  execFileSync('python3', ['-c', script, file, ...names])
  const bytes = fs.readFileSync(file)
  fs.rmSync(file)
  return bytes
}

describe('uv mirror faults, each followed by a clean run (uv-project)', () => {
  const UV_VERSION = '0.13.9'
  const env = { POETRY_CACHE_DIR: path.join(repoRoot, '.cache', 'poetry') }
  let mirror: UvMirror
  const archivePath = `/${UV_VERSION}/uv-${hostUvTarget()}.tar.gz`
  const uvRun = (toolCacheDir: string) =>
    runAction('uv-project', {
      toolCacheDir,
      inputs: { 'uv-mirror': mirror.url, 'smoke-test': 'none', cache: 'false' },
      env,
    })

  beforeAll(async () => {
    mirror = await startUvMirror({ version: UV_VERSION, uvBinDir: toolsBin, target: hostUvTarget() })
  })
  afterAll(() => mirror.close())

  it(
    'every try cut short (truncate, reset, 500, truncate): one clear error, no uv in the tool cache; then 500 + reset are retried through',
    async () => {
      const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-uvtc-'))
      mirror.archiveFaults = ['truncate', 'reset', 'server-error', 'truncate']
      const failed = await uvRun(toolCache)
      expectCleanFailure(failed, /Could not download uv 0\.13\.9 from .*: truncated body/)
      expect(errors(failed)[0]?.title).toBe('uv download failed')
      expect(mirror.requests.filter((r) => r === archivePath)).toHaveLength(4)
      expect(fs.existsSync(path.join(toolCache, 'uv'))).toBe(false)

      mirror.archiveFaults = ['server-error', 'reset']
      const before = mirror.requests.length
      const next = await uvRun(toolCache)
      expect(errors(next)).toEqual([])
      expect(next.exitCode).toBe(0)
      expect(mirror.requests.slice(before).filter((r) => r === archivePath)).toHaveLength(3)
      expect(fs.existsSync(path.join(toolCache, 'uv', UV_VERSION, process.arch, 'uv'))).toBe(true)
    },
    6 * MINUTE,
  )

  it(
    'a hostile uv archive with a matching .sha256: refused before extraction, nothing in the tool cache',
    async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-faults-uvhostile-'))
      const toolCache = path.join(root, 'toolcache')
      fs.mkdirSync(toolCache)
      mirror.setArchive(hostileArchive(root, [`uv-${hostUvTarget()}/../../../../uv-escaped`]))
      const run = await uvRun(toolCache)
      expectCleanFailure(run, /the archive was refused: .* points outside/)
      expect(errors(run)[0]?.title).toBe('uv archive refused')
      expect(fs.readdirSync(root)).toEqual(['toolcache'])
      expect(fs.existsSync(path.join(toolCache, 'uv'))).toBe(false)
    },
    4 * MINUTE,
  )
})
