import { execFileSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { hostUvTarget, startUvMirror, type UvMirror } from '../../scripts/loopback/uv-mirror.js'
import { parsePoetryLock } from '../../src/project/locks/poetry-lock.js'
import { parseUvLock } from '../../src/project/locks/uv-lock.js'
import { pipList } from '../support/expect-run.js'
import { copyExample, errors, repoRoot, runAction, toolsBin } from '../support/run-action.js'

const UV_VERSION = '0.13.9'
/** Locked only behind markers that are false on Linux with Python 3.11 (win32, python_version == 3.10). */
const CONDITIONAL = new Set(['colorama', 'exceptiongroup', 'tomli', 'typing-extensions'])
/** Seeded into every venv by `python -m venv`, not part of any lock. */
const SEEDED = new Set(['pip', 'setuptools'])
const env = { POETRY_CACHE_DIR: path.join(repoRoot, '.cache', 'poetry') }

let mirror: UvMirror
let toolCache: string

beforeAll(async () => {
  mirror = await startUvMirror({ version: UV_VERSION, uvBinDir: toolsBin, target: hostUvTarget() })
  toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
})
afterAll(async () => {
  await mirror.close()
})

/** The venv holds exactly the locked versions: nothing extra, nothing missing that applies here. */
function expectVenvMatchesLock(venv: string, locked: { name: string; version: string }[]) {
  const installed = pipList(venv)
  for (const name of SEEDED) installed.delete(name)
  const lockMap = new Map(locked.map((pkg) => [pkg.name, pkg.version]))
  expect(Object.fromEntries(installed)).toEqual(
    Object.fromEntries([...lockMap].filter(([name]) => installed.has(name) || !CONDITIONAL.has(name))),
  )
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

function uvInputs(extra: Record<string, string> = {}) {
  return { 'uv-mirror': mirror.url, ...extra }
}

describe('uv projects, end to end with the real uv from the loopback mirror', () => {
  it('installs exactly uv.lock with uv 0.13.9, passes uv pip check and the smoke test', async () => {
    const run = await runAction('uv-project', { inputs: uvInputs(), toolCacheDir: toolCache, env })
    expect(errors(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      manager: 'uv',
      'manager-version': UV_VERSION,
      'lock-file': 'uv.lock',
      'lock-hash': sha256(path.join(run.projectDir, 'uv.lock')),
      'smoke-test-result': 'passed',
      'venv-path': path.join(run.projectDir, '.venv'),
    })
    expect(mirror.requests).toContain(`/${UV_VERSION}/uv-${hostUvTarget()}.tar.gz`)
    const lock = parseUvLock(fs.readFileSync(path.join(run.projectDir, 'uv.lock'), 'utf8'), 'uv.lock')
    expectVenvMatchesLock(run.outputs['venv-path'] ?? '', lock.packages)
    expect(fs.existsSync(path.join(toolCache, 'uv', UV_VERSION, process.arch, 'uv'))).toBe(true)
  })

  it('reuses uv from the tool cache on the second run without downloading', async () => {
    const before = mirror.requests.length
    const run = await runAction('uv-project', { inputs: uvInputs(), toolCacheDir: toolCache, env })
    expect(run.exitCode).toBe(0)
    expect(mirror.requests.length).toBe(before)
    expect(run.log).toContain('from the tool cache')
  })

  it('fails a stale uv.lock with lock-stale at the lock and the fix, under fail-on: error', async () => {
    const run = await runAction('broken/uv-stale-lock', { inputs: uvInputs(), toolCacheDir: toolCache, env })
    expect(run.exitCode).toBe(1)
    const stale = errors(run).find((a) => a.title === 'lock-stale' && a.file === 'uv.lock')
    expect(stale).toMatchObject({ file: 'uv.lock', line: 1 })
    expect(stale?.message).toContain('Fix: uv lock')
  })

  it('reports a stale uv.lock and passes under fail-on: never, with the lock installed as it is', async () => {
    const run = await runAction('broken/uv-stale-lock', {
      inputs: uvInputs({ 'fail-on': 'never' }),
      toolCacheDir: toolCache,
      env,
    })
    expect(run.exitCode).toBe(0)
    const findings = JSON.parse(run.outputs.findings ?? '[]') as { rule: string; fix?: string }[]
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'lock-stale', fix: 'uv lock' }))
    const lock = parseUvLock(fs.readFileSync(path.join(run.projectDir, 'uv.lock'), 'utf8'), 'uv.lock')
    expectVenvMatchesLock(run.outputs['venv-path'] ?? '', lock.packages)
  })

  it('installs a uv workspace from its root, both members included, also from a member folder', async () => {
    const root = await runAction('uv-workspace', { inputs: uvInputs(), toolCacheDir: toolCache, env })
    expect(errors(root)).toEqual([])
    expect(root.outputs['smoke-test-result']).toBe('passed')
    const installed = pipList(root.outputs['venv-path'] ?? '')
    expect(installed.get('wsapp')).toBe('0.1.0')
    expect(installed.get('wscore')).toBe('0.1.0')

    const member = await runAction('uv-workspace', {
      inputs: uvInputs({ 'working-directory': 'packages/wsapp', 'smoke-test': 'none' }),
      toolCacheDir: toolCache,
      env,
    })
    expect(errors(member)).toEqual([])
    expect(member.outputs['lock-file']).toBe('uv.lock')
    expect(member.outputs['venv-path']).toBe(path.join(member.projectDir, 'packages', 'wsapp', '.venv'))
    expect(pipList(member.outputs['venv-path'] ?? '').get('wscore')).toBe('0.1.0')
  })

  it('refuses a uv version that does not exist, leaving nothing in the tool cache', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
    const run = await runAction('uv-project', {
      inputs: uvInputs({ 'uv-version': '0.0.0-nonexistent' }),
      toolCacheDir: cache,
      env,
    })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.message).toContain('uv 0.0.0-nonexistent was not found')
    expect(fs.existsSync(path.join(cache, 'uv'))).toBe(false)
    expect(run.log).not.toMatch(/\n\s+at /)
  })

  it('refuses an archive whose .sha256 does not match, leaving nothing in the tool cache', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
    mirror.fault = 'bad-sha256'
    try {
      const run = await runAction('uv-project', { inputs: uvInputs(), toolCacheDir: cache, env })
      expect(run.exitCode).toBe(1)
      expect(errors(run)[0]?.title).toBe('uv download failed verification')
      expect(errors(run)[0]?.message).toContain('sha256')
      expect(fs.existsSync(path.join(cache, 'uv'))).toBe(false)
    } finally {
      mirror.fault = 'none'
    }
  })

  it('installs uv from PyPI with uv-source: pypi', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
    const before = mirror.requests.length
    const run = await runAction('uv-project', { inputs: { 'uv-source': 'pypi' }, toolCacheDir: cache, env })
    expect(errors(run)).toEqual([])
    expect(run.outputs['manager-version']).toBe(UV_VERSION)
    expect(mirror.requests.length).toBe(before)
    const uv = path.join(cache, 'uv', UV_VERSION, process.arch, 'uv')
    expect(execFileSync(uv, ['--version']).toString()).toContain(UV_VERSION)
  })
})

describe('poetry projects, end to end with the real poetry', () => {
  it('installs exactly poetry.lock (dev group included) with poetry 2.5.1 into venv-path', async () => {
    const run = await runAction('poetry-project', { toolCacheDir: toolCache, env })
    expect(errors(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      manager: 'poetry',
      'manager-version': '2.5.1',
      'lock-file': 'poetry.lock',
      'lock-hash': sha256(path.join(run.projectDir, 'poetry.lock')),
      'smoke-test-result': 'passed',
    })
    const lock = parsePoetryLock(
      fs.readFileSync(path.join(run.projectDir, 'poetry.lock'), 'utf8'),
      'poetry.lock',
    )
    // idna is locked for the optional extra 'idn' only, which was not asked for
    const locked = lock.packages.filter((pkg) => pkg.name !== 'idna')
    expectVenvMatchesLock(run.outputs['venv-path'] ?? '', [
      ...locked,
      { name: 'poetrydemo', version: '0.1.0' },
    ])
    expect(fs.existsSync(path.join(toolCache, 'poetry', '2.5.1', process.arch, 'bin', 'poetry'))).toBe(true)
  })

  it('puts the environment where venv-path says', async () => {
    const run = await runAction('poetry-project', {
      inputs: { 'venv-path': 'envs/ci', extras: 'idn' },
      toolCacheDir: toolCache,
      env,
    })
    expect(errors(run)).toEqual([])
    expect(run.outputs['venv-path']).toBe(path.join(run.projectDir, 'envs', 'ci'))
    expect(pipList(run.outputs['venv-path'] ?? '').get('idna')).toBe('3.20')
    expect(fs.existsSync(path.join(run.projectDir, '.venv'))).toBe(false)
  })

  it('fails a stale poetry.lock with lock-stale and the fix under fail-on: error, passes under never', async () => {
    const failing = await runAction('broken/poetry-stale-lock', { toolCacheDir: toolCache, env })
    expect(failing.exitCode).toBe(1)
    const stale = errors(failing).find((a) => a.title === 'lock-stale' && a.file === 'poetry.lock')
    expect(stale).toMatchObject({ file: 'poetry.lock', line: 1 })
    expect(stale?.message).toContain('Fix: poetry lock')

    const passing = await runAction('broken/poetry-stale-lock', {
      inputs: { 'fail-on': 'never' },
      toolCacheDir: toolCache,
      env,
    })
    expect(passing.exitCode).toBe(0)
    expect(passing.outputs.findings).toContain('"rule":"lock-stale"')
    expect(pipList(passing.outputs['venv-path'] ?? '').get('attrs')).toBe('26.1.0')
  })

  it('refuses a poetry version that does not exist, leaving nothing in the tool cache', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
    const run = await runAction('poetry-project', {
      inputs: { 'poetry-version': '0.0.0-nonexistent' },
      toolCacheDir: cache,
      env,
    })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.message).toContain('poetry==0.0.0-nonexistent')
    expect(fs.existsSync(path.join(cache, 'poetry'))).toBe(false)
  })
})

describe('detection and the pip paths', () => {
  it('installs a setup.py course project: pinned requirements, then the package editable', async () => {
    const run = await runAction('setuppy-project', { env })
    expect(errors(run)).toEqual([])
    expect(run.outputs).toMatchObject({
      manager: 'pip',
      'lock-file': 'requirements.txt',
      'smoke-test-result': 'passed',
    })
    expect(pipList(run.outputs['venv-path'] ?? '').get('mlcourse')).toBe('0.1.0')
  })

  it('asks for manager: when both uv.lock and poetry.lock are present', async () => {
    const projectDir = copyExample('uv-project')
    fs.copyFileSync(
      path.join(repoRoot, 'examples', 'poetry-project', 'poetry.lock'),
      path.join(projectDir, 'poetry.lock'),
    )
    const run = await runAction('uv-project', {
      projectDir,
      inputs: uvInputs(),
      toolCacheDir: toolCache,
      env,
    })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.message).toContain('both uv.lock and poetry.lock')
    expect(errors(run)[0]?.message).toContain('manager: uv')
  })

  it('installs a pyproject without a lock editable with pip and reports lock-missing', async () => {
    const projectDir = copyExample('uv-project')
    fs.rmSync(path.join(projectDir, 'uv.lock'))
    const run = await runAction('uv-project', { projectDir, inputs: { 'smoke-test': 'none' }, env })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.manager).toBe('pip')
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: 'lock-missing', file: 'pyproject.toml' }),
    )
    expect(pipList(run.outputs['venv-path'] ?? '').has('uvdemo')).toBe(true)
  })
})

/**
 * conda itself cannot be installed here: a stand-in records its argv and, for `env create`,
 * leaves what conda would (a Python with pip at <prefix>/bin, a conda-meta folder). poetry
 * then runs for real inside that prefix.
 */
function condaStandIn(record: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-conda-bin-'))
  const script = path.join(dir, 'conda')
  fs.writeFileSync(
    script,
    [
      '#!/usr/bin/env python3',
      'import json, os, subprocess, sys',
      `with open(${JSON.stringify(record)}, "a") as f: f.write(json.dumps(sys.argv[1:]) + "\\n")`,
      'if sys.argv[1:] == ["--version"]: print("conda 25.1.1"); sys.exit(0)',
      'if sys.argv[1:3] == ["env", "create"]:',
      '    prefix = sys.argv[sys.argv.index("--prefix") + 1]',
      '    subprocess.run([sys.executable, "-m", "venv", prefix], check=True)',
      '    os.makedirs(os.path.join(prefix, "conda-meta"))',
      '',
    ].join('\n'),
  )
  fs.chmodSync(script, 0o755)
  return script
}

describe('conda + poetry hybrid (conda played by a recording stand-in, poetry real)', () => {
  it('creates the conda env at venv-path from environment.yml, then poetry installs the lock into it', async () => {
    const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-conda-rec-')), 'argv.jsonl')
    const run = await runAction('conda-poetry-project', {
      inputs: { 'conda-path': condaStandIn(record) },
      toolCacheDir: toolCache,
      env,
    })
    expect(errors(run)).toEqual([])
    expect(run.outputs).toMatchObject({
      manager: 'conda',
      'manager-version': '25.1.1',
      'lock-file': 'poetry.lock',
      'smoke-test-result': 'passed',
    })
    const prefix = path.join(run.projectDir, '.venv')
    const calls = fs
      .readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[])
    expect(calls).toContainEqual([
      'env',
      'create',
      '--prefix',
      prefix,
      '--file',
      path.join(run.projectDir, 'environment.yml'),
      '--quiet',
      '--yes',
    ])
    expect(pipList(prefix).get('six')).toBe('1.17.0')
    expect(pipList(prefix).has('condademo')).toBe(false)
  })
})
