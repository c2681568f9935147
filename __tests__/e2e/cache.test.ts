import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  type CacheServiceFaults,
  type LoopbackCacheService,
  startCacheService,
} from '../../scripts/loopback/cache-service.js'
import { CacheStore } from '../../scripts/loopback/cache-store.js'
import { expectGreen } from '../support/expect-run.js'
import { type ActionRun, copyExample, runAction } from '../support/run-action.js'

/** One line per example: how to change one pin, what an install looks like in the log, the locked set. */
interface CachedExample {
  example: string
  /** Edits the project so exactly one locked version changes. */
  bumpOnePin(projectDir: string): void
  /** A line the install prints, which an exact hit must not. */
  installCommand: RegExp
  /** name → version the lock asks for. */
  locked(projectDir: string): Record<string, string>
}

const pipProject: CachedExample = {
  example: 'pip-project',
  bumpOnePin: (dir) =>
    replaceInFile(path.join(dir, 'requirements.txt'), 'iniconfig==2.1.0', 'iniconfig==2.0.0'),
  installCommand: /-m pip install /,
  locked: (dir) => pinsOf(path.join(dir, 'requirements.txt')),
}

const EXAMPLES: CachedExample[] = [pipProject]

describe.each(EXAMPLES)('environment cache on $example', (example) => {
  let service: LoopbackCacheService
  let cacheDir: string
  let projectDir: string
  let firstKey = ''
  const run = (faults: CacheServiceFaults = {}) => {
    service.setFaults(faults)
    return runAction(example.example, { projectDir, cacheDir, cacheService: service })
  }

  beforeAll(async () => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `spe-cache-${example.example}-`))
    service = await startCacheService({ dir: path.join(cacheDir, 'service') })
    projectDir = copyExample(example.example)
  })
  afterAll(() => service.close())

  it('misses on the first run, installs, and saves the ready env in post', async () => {
    const cold = await run()
    expectGreen(cold)
    expect(cold.outputs['cache-hit']).toBe('false')
    expect(cold.outputs['cache-matched-key']).toBe('')
    firstKey = cold.outputs['cache-key'] ?? ''
    expect(firstKey).toMatch(/^setup-python-env-v\d+-linux.*-py3\.11\.\d+-\w+[\d.]+-[0-9a-f]{64}$/)
    expect(cold.log).toMatch(example.installCommand)
    expect(service.envKeys()).toEqual([firstKey])
  })

  it('restores the exact key on the second run, skips the install, and the smoke test passes', async () => {
    const warm = await run()
    expectGreen(warm)
    expect(warm.outputs).toMatchObject({
      'cache-hit': 'true',
      'cache-key': firstKey,
      'cache-matched-key': firstKey,
    })
    expect(warm.log).toContain('skipping install')
    expect(warm.log).not.toMatch(example.installCommand)
    expect(warm.outputs['smoke-test-result']).toBe('passed')
    expect(warm.post.log).toContain('not saving (exact hit)')
    expect(installed(projectDir)).toEqual(example.locked(projectDir))
    expect(fs.existsSync(path.join(projectDir, '.venv', '.setup-python-env'))).toBe(true)
  })

  it('treats a truncated download as a miss with a warning, and installs a working env', async () => {
    const truncated = await run({ truncateDownload: true })
    expectGreen(truncated)
    expect(truncated.outputs['cache-hit']).toBe('false')
    expect(warnings(truncated).join('\n')).toMatch(/Failed to restore/)
    expect(truncated.log).toMatch(example.installCommand)
    expect(installed(projectDir)).toEqual(example.locked(projectDir))
  })

  it('after one pin changes: a new key, a partial hit, and an env equal to the new lock', async () => {
    example.bumpOnePin(projectDir)
    const partial = await run()
    expectGreen(partial)
    expect(partial.outputs['cache-key']).not.toBe(firstKey)
    expect(partial.outputs['cache-hit']).toBe('false')
    expect(partial.outputs['cache-matched-key']).toBe(firstKey)
    expect(installed(projectDir)).toEqual(example.locked(projectDir))
    expect(service.envKeys()).toEqual([firstKey, partial.outputs['cache-key']])
  })
})

describe('environment cache when things go wrong (pip-project)', () => {
  let service: LoopbackCacheService
  let root: string
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-cache-faults-'))
    service = await startCacheService({ dir: path.join(root, 'service') })
  })
  afterAll(() => service.close())

  const runWith = (
    faults: CacheServiceFaults,
    example = 'pip-project',
    env: Record<string, string> = {},
    inputs: Record<string, string> = {},
  ) => {
    service.setFaults(faults)
    const cacheDir = fs.mkdtempSync(path.join(root, 'run-'))
    return runAction(example, { cacheDir, cacheService: service, env, inputs })
  }

  it('succeeds with a warning and no cache when the service answers 500', async () => {
    const before = service.envKeys().length
    const result = await runWith({ twirp500: true })
    expectGreen(result)
    expect(result.outputs['cache-hit']).toBe('false')
    expect(warnings(result).join('\n')).toMatch(/Failed to restore/)
    expect(
      result.post.annotations
        .filter((a) => a.level === 'warning')
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/was not saved/)
    expect(service.envKeys().length).toBe(before)
  })

  it('succeeds with a warning and no cache when the service does not answer', async () => {
    const before = service.envKeys().length
    const result = await runWith({ hangMs: 60_000 }, 'pip-project', { SETUP_PYTHON_ENV_CACHE_TIMEOUT: '3' })
    expectGreen(result)
    expect(warnings(result).join('\n')).toMatch(/Cache restore took longer than 3s/)
    expect(result.post.log).toMatch(/Cache save took longer than 3s/)
    expect(service.envKeys().length).toBe(before)
  })

  it('restores but never saves with cache-save: false, and leaves the service alone with cache: false', async () => {
    const before = service.requests.length
    const readOnly = await runWith({}, 'pip-project', {}, { 'cache-save': 'false' })
    expectGreen(readOnly)
    expect(readOnly.post.log).toContain("not saving (input 'cache-save' is false)")
    const calls = service.requests.slice(before).map((request) => request.call)
    expect(calls).toContain('GetCacheEntryDownloadURL')
    expect(calls).not.toContain('CreateCacheEntry')

    const afterReadOnly = service.requests.length
    const off = await runWith({}, 'pip-project', {}, { cache: 'false' })
    expectGreen(off)
    expect(off.outputs).toMatchObject({ 'cache-hit': 'false', 'cache-key': '' })
    expect(off.log).toContain("Cache: off (input 'cache' is false)")
    expect(service.requests.length).toBe(afterReadOnly)
  })

  it('discards an exact hit whose env is not usable, with a warning, and installs', async () => {
    const cacheDir = fs.mkdtempSync(path.join(root, 'run-'))
    const projectDir = copyExample('pip-project')
    const first = await runAction('pip-project', { projectDir, cacheDir, cacheService: service })
    expectGreen(first)
    const key = first.outputs['cache-key'] ?? ''
    withoutOwnerMarker(new CacheStore(service.dir), key)

    const second = await runAction('pip-project', { projectDir, cacheDir, cacheService: service })
    expectGreen(second)
    expect(second.outputs).toMatchObject({ 'cache-hit': 'false', 'cache-matched-key': key })
    expect(warnings(second).join('\n')).toMatch(
      /cached environment .* is not usable \(\.setup-python-env marker missing/,
    )
    expect(second.log).toMatch(pipProject.installCommand)
    expect(installed(projectDir)).toEqual(pipProject.locked(projectDir))
    expect(second.post.log).toContain('not saving (the exact entry exists but is unusable)')
  })

  it('saves nothing when the install failed', async () => {
    const before = service.envKeys().length
    const result = await runWith({}, 'broken/pip-uninstallable')
    expect(result.exitCode).toBe(1)
    expect(result.post.exitCode).toBe(0)
    expect(result.post.log).toContain('nothing is saved')
    expect(service.envKeys().length).toBe(before)
  })
})

/** Rewrites an entry's archive without the venv's owner marker: restorable, but not ours. */
function withoutOwnerMarker(store: CacheStore, key: string): void {
  const archive = store.latest(key)?.archive ?? ''
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-tamper-'))
  const tar = path.join(work, 'cache.tar')
  execFileSync('zstd', ['-q', '-d', '--long=30', archive, '-o', tar])
  execFileSync('tar', ['--delete', '-f', tar, '.venv/.setup-python-env'])
  execFileSync('zstd', ['-q', '--long=30', tar, '-o', path.join(work, 'cache.tzst')])
  store.replaceArchive(key, path.join(work, 'cache.tzst'))
}

function warnings(run: ActionRun): string[] {
  return run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
}

/** What is installed in the project's venv, without the installer's own packages. */
function installed(projectDir: string): Record<string, string> {
  const python = path.join(projectDir, '.venv', 'bin', 'python')
  const list = JSON.parse(execFileSync(python, ['-m', 'pip', 'list', '--format', 'json']).toString()) as {
    name: string
    version: string
  }[]
  return Object.fromEntries(
    list
      .map((pkg) => [pkg.name.toLowerCase().replace(/[-_.]+/g, '-'), pkg.version] as const)
      .filter(([name]) => !['pip', 'setuptools', 'wheel'].includes(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  )
}

function pinsOf(file: string): Record<string, string> {
  const pins = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^([A-Za-z0-9._-]+)==([^\s;#]+)/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [(match[1] ?? '').toLowerCase().replace(/[-_.]+/g, '-'), match[2] ?? ''] as const)
  return Object.fromEntries(pins.sort(([a], [b]) => a.localeCompare(b)))
}

function replaceInFile(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8')
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`)
  fs.writeFileSync(file, text.replace(from, to))
}
