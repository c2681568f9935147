import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type LoopbackCacheService, startCacheService } from '../../scripts/loopback/cache-service.js'
import { hostUvTarget, startUvMirror, type UvMirror } from '../../scripts/loopback/uv-mirror.js'
import { parsePoetryLock } from '../../src/project/locks/poetry-lock.js'
import { parseUvLock } from '../../src/project/locks/uv-lock.js'
import { expectGreen } from '../support/expect-run.js'
import { type ActionRun, copyExample, repoRoot, runAction, toolsBin } from '../support/run-action.js'

const UV_VERSION = '0.13.9'
/** Locked only behind markers that are false on Linux with Python 3.11. */
const CONDITIONAL = new Set(['colorama', 'exceptiongroup', 'tomli', 'typing-extensions'])
/** Seeded into every venv by `python -m venv`, not part of any lock. */
const SEEDED = new Set(['pip', 'setuptools'])
const locksDir = path.join(repoRoot, '__fixtures__', 'locks')

/** An example, the lock that replaces its own to change one pin, and what its env must hold. */
interface ManagerExample {
  example: string
  lockName: 'uv.lock' | 'poetry.lock'
  /** The same lock with iniconfig 2.1.0 instead of 2.3.1 (made with `uv lock --upgrade-package`). */
  bumpedLock: string
  /** A line only an install prints: an exact hit must not. */
  installCommand: RegExp
  /** name → version the project's current lock installs here. */
  locked(projectDir: string): Record<string, string>
  inputs(): Record<string, string>
  /** True when a partial hit updates the restored env in place (an exact syncer) instead of a new venv. */
  inPlace?: boolean
  /** What installing the manager's own tool prints, for a tool kept in an entry of its own. */
  toolInstall?: RegExp
}

let mirror: UvMirror

const uvLocked =
  (skip: string[] = []) =>
  (dir: string): Record<string, string> => {
    const lock = parseUvLock(fs.readFileSync(path.join(dir, 'uv.lock'), 'utf8'), 'uv.lock')
    return applicable(lock.packages.filter((pkg) => !skip.includes(pkg.name)))
  }

const EXAMPLES: ManagerExample[] = [
  {
    example: 'uv-project',
    lockName: 'uv.lock',
    bumpedLock: 'uv-project.iniconfig-2.1.0.uv.lock',
    installCommand: /uv sync --locked/,
    locked: uvLocked(),
    inputs: () => ({ 'uv-mirror': mirror.url }),
    inPlace: true,
  },
  {
    example: 'uv-workspace',
    lockName: 'uv.lock',
    bumpedLock: 'uv-workspace.iniconfig-2.1.0.uv.lock',
    installCommand: /uv sync --locked/,
    // the workspace root is virtual (tool.uv.package = false): locked, never installed
    locked: uvLocked(['uv-workspace-root']),
    inputs: () => ({ 'uv-mirror': mirror.url }),
    inPlace: true,
  },
  {
    example: 'poetry-project',
    lockName: 'poetry.lock',
    bumpedLock: 'poetry-project.iniconfig-2.1.0.poetry.lock',
    installCommand: /poetry sync/,
    locked: (dir) => {
      const lock = parsePoetryLock(fs.readFileSync(path.join(dir, 'poetry.lock'), 'utf8'), 'poetry.lock')
      // idna is locked for the optional extra 'idn' only, which is not asked for
      const packages = lock.packages.filter((pkg) => pkg.name !== 'idna')
      return applicable([...packages, { name: 'poetrydemo', version: '0.1.0' }])
    },
    inputs: () => ({}),
    toolInstall: /Installing poetry==2\.5\.1 into its own environment/,
  },
]

beforeAll(async () => {
  mirror = await startUvMirror({ version: UV_VERSION, uvBinDir: toolsBin, target: hostUvTarget() })
})
afterAll(async () => {
  await mirror.close()
})

describe.each(EXAMPLES)('environment cache on $example', (example) => {
  let service: LoopbackCacheService
  let cacheDir: string
  let projectDir: string
  let firstKey = ''
  // An empty tool cache at the same path every run, as on a hosted runner: what the manager
  // needs comes from the cache service.
  const run = () => {
    const toolCacheDir = path.join(cacheDir, 'toolcache')
    fs.rmSync(toolCacheDir, { recursive: true, force: true })
    return runAction(example.example, {
      projectDir,
      cacheDir,
      cacheService: service,
      inputs: example.inputs(),
      toolCacheDir,
    })
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
    const manager = example.lockName === 'uv.lock' ? `uv${UV_VERSION}` : 'poetry2.5.1'
    expect(firstKey).toMatch(
      new RegExp(`^setup-python-env-v\\d+-linux.*-py3\\.11\\.\\d+-${manager}-[0-9a-f]{64}$`),
    )
    expect(cold.log).toMatch(example.installCommand)
    expect(service.envKeys()).toEqual([firstKey])
    expect(installed(projectDir)).toEqual(example.locked(projectDir))
    if (example.toolInstall) {
      expect(cold.log).toMatch(example.toolInstall)
      expect(toolKeys(service)).toEqual([
        expect.stringMatching(/^setup-python-env-tool-v\d+-linux.*-py3\.11\.\d+-poetry2\.5\.1-[0-9a-f]{32}$/),
      ])
    } else expect(toolKeys(service)).toEqual([])
  })

  it('restores the exact key on the second run, skips the install, and the env is valid', async () => {
    const warm = await run()
    expectGreen(warm)
    expect(warm.outputs).toMatchObject({
      'cache-hit': 'true',
      'cache-key': firstKey,
      'cache-matched-key': firstKey,
      'smoke-test-result': 'passed',
    })
    expect(warm.log).toContain('skipping install')
    expect(warm.log).not.toMatch(example.installCommand)
    expect(warm.post.log).toContain('not saving (exact hit)')
    if (example.toolInstall) expectToolRestored(warm, example.toolInstall)
    expect(installed(projectDir)).toEqual(example.locked(projectDir))
    expect(JSON.parse(warm.outputs.findings ?? '[]')).toEqual([])
  })

  it('after the lock changes one pin: a new key, a partial hit, and an env equal to the new lock', async () => {
    fs.copyFileSync(path.join(locksDir, example.bumpedLock), path.join(projectDir, example.lockName))
    const partial = await run()
    expectGreen(partial)
    expect(partial.outputs['cache-key']).not.toBe(firstKey)
    expect(partial.outputs['cache-hit']).toBe('false')
    expect(partial.outputs['cache-matched-key']).toBe(firstKey)
    expect(partial.log).toMatch(example.installCommand)
    expect(partial.log.includes('Updating the restored environment')).toBe(example.inPlace === true)
    const env = installed(projectDir)
    expect(env.iniconfig).toBe('2.1.0')
    expect(env).toEqual(example.locked(projectDir))
    expect(service.envKeys()).toEqual([firstKey, partial.outputs['cache-key']])
    // a lock change never installs the manager itself again
    if (example.toolInstall) expectToolRestored(partial, example.toolInstall)
  })
})

function expectToolRestored(run: ActionRun, toolInstall: RegExp): void {
  expect(run.log).not.toMatch(toolInstall)
  expect(run.log).toMatch(/Restored poetry 2\.5\.1 from the cache/)
  expect(run.post.log).toMatch(/not saving setup-python-env-tool-.* \(restored from the cache\)/)
}

/** The entries of managers' own tools. */
function toolKeys(service: LoopbackCacheService): string[] {
  return service.keys().filter((key) => key.startsWith('setup-python-env-tool-'))
}

/** Locked packages that apply on Linux with Python 3.11, by name. */
function applicable(packages: { name: string; version: string }[]): Record<string, string> {
  return Object.fromEntries(
    packages
      .filter((pkg) => !CONDITIONAL.has(pkg.name))
      .map((pkg) => [pkg.name, pkg.version] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  )
}

/** What is installed in the project's venv, without what `python -m venv` seeds. */
function installed(projectDir: string): Record<string, string> {
  const python = path.join(projectDir, '.venv', 'bin', 'python')
  const out = execFileSync(python, ['-m', 'pip', 'list', '--format', 'json'], {
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  }).toString()
  const list = JSON.parse(out) as { name: string; version: string }[]
  return Object.fromEntries(
    list
      .map((pkg) => [pkg.name.toLowerCase().replace(/[-_.]+/g, '-'), pkg.version] as const)
      .filter(([name]) => !SEEDED.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  )
}
