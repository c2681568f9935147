import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import type { CommandResult } from '../../../src/exec.js'

// What each manager runs, in order, for the example projects: the programs are replaced by a
// recorder that answers like the real tools (a venv folder for `-m venv`, JSON for `pip list`).
type Answer = Partial<CommandResult> | undefined
let answer: (program: string, args: string[]) => Answer = () => undefined
const calls: { program: string; args: string[]; cwd?: string; env?: Record<string, string> }[] = []
const runCommand = jest.fn(
  async (program: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) => {
    calls.push({ program, args, cwd: options.cwd, env: options.env })
    if (args[0] === '-m' && args[1] === 'venv') fs.mkdirSync(args[2] ?? '', { recursive: true })
    return { exitCode: 0, stdout: '', stderr: '', ...answer(program, args) }
  },
)
jest.unstable_mockModule('@actions/core', () => coreMock)
const exec = await import('../../../src/exec.js')
jest.unstable_mockModule('../../../src/exec.js', () => ({ ...exec, runCommand }))
const { loadInputs } = await import('../../../src/inputs.js')
const { readProject } = await import('../../../src/project/read-project.js')
const { venvLayout } = await import('../../../src/managers/venv-layout.js')
const { pipManager } = await import('../../../src/managers/pip.js')
const { uvManager } = await import('../../../src/managers/uv.js')
const { poetryManager } = await import('../../../src/managers/poetry.js')
const { UserError } = await import('../../../src/errors.js')
const { managerVersion } = await import('../../../src/managers/select-manager.js')
const { managerContext, testRunner, inputReader } = await import('../../../__fixtures__/context.js')
type Context = import('../../../src/managers/types.js').InstallContext

const root = path.resolve(import.meta.dirname, '../../..')
let temp: string

function context(example: string, inputValues: Record<string, string> = {}, tool?: string): Context {
  const workspace = path.join(temp, example)
  fs.cpSync(path.join(root, 'examples', example), workspace, {
    recursive: true,
    filter: (source) => !/[/\\](\.venv|__pycache__|\.pytest_cache|[^/\\]+\.egg-info)$/.test(source),
  })
  process.env.GITHUB_WORKSPACE = workspace
  const inputs = loadInputs(inputReader(inputValues))
  return managerContext({
    inputs,
    project: readProject(inputs),
    runner: testRunner({ tempRoot: temp }),
    python: {
      version: '3.11.7',
      executable: '/tc/bin/python3',
      prefix: '/tc',
      source: 'input',
      foundIn: 'tool-cache',
      cacheHit: true,
    },
    venv: venvLayout(inputs.venvPath),
    tool: tool ? { version: tool.split(' ')[1] ?? '', executable: tool.split(' ')[0] ?? '' } : undefined,
  })
}
const argvs = () => calls.map((call) => [path.basename(call.program), ...call.args].join(' '))

beforeEach(() => {
  jest.clearAllMocks()
  calls.length = 0
  answer = () => undefined
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-commands-'))
})
afterEach(() => {
  fs.rmSync(temp, { recursive: true, force: true })
  delete process.env.GITHUB_WORKSPACE
})

describe('pip', () => {
  it('makes a venv, installs the pinned files, lists and checks', async () => {
    const ctx = context('pip-project')
    expect(await pipManager.install(ctx)).toEqual([])
    expect(fs.existsSync(path.join(ctx.venv.root, '.setup-python-env'))).toBe(true)
    answer = (_program, args) =>
      args.includes('list') ? { stdout: '[{"name":"Six","version":"1.17.0"}]' } : undefined
    expect(await pipManager.installedPackages(ctx)).toEqual([{ name: 'six', version: '1.17.0' }])
    answer = (_program, args) =>
      args.includes('--version') ? { stdout: 'pip 24.0 from /x (python 3.11)' } : undefined
    expect(await managerVersion(pipManager, ctx)).toBe('24.0')
    answer = (_program, args) =>
      args.includes('check') ? { exitCode: 1, stdout: 'a 1 has requirement b>2' } : undefined
    expect(await pipManager.check(ctx)).toBe('a 1 has requirement b>2')
    expect(argvs()).toEqual([
      `python3 -m venv ${ctx.venv.root}`,
      `python -m pip install -r ${path.join(ctx.project.root, 'requirements.txt')}`,
      'python -m pip list --format json',
      'python -m pip --version',
      'python -m pip check',
    ])
    expect(calls[1]?.env).toMatchObject({ VIRTUAL_ENV: ctx.venv.root })
  })

  it('installs a setup.py project editable without its dependencies after the pins', async () => {
    const ctx = context('setuppy-project')
    await pipManager.install(ctx)
    expect(argvs().at(-1)).toBe(`python -m pip install -e ${ctx.project.root} --no-deps`)
  })

  it('explains a failed install at the requirement that caused it', async () => {
    const ctx = context('pip-project')
    answer = (_program, args) =>
      args.includes('install')
        ? { exitCode: 1, stderr: 'ERROR: No matching distribution found for six==1.17.0' }
        : undefined
    await expect(pipManager.install(ctx)).rejects.toThrow(UserError)
  })

  it('never replaces a venv folder it did not create', async () => {
    const ctx = context('pip-project')
    fs.mkdirSync(ctx.venv.root)
    fs.writeFileSync(path.join(ctx.venv.root, 'mine.txt'), '')
    await expect(pipManager.install(ctx)).rejects.toThrow('was not created by setup-python-env')
    expect(fs.existsSync(path.join(ctx.venv.root, 'mine.txt'))).toBe(true)
  })

  it('says how to get venv when python -m venv fails', async () => {
    const ctx = context('pip-project')
    answer = (_program, args) =>
      args[1] === 'venv' ? { exitCode: 1, stderr: 'ensurepip is not available' } : undefined
    await expect(pipManager.install(ctx)).rejects.toThrow('ensurepip is not available')
  })
})

describe('uv', () => {
  it('syncs the lock into the action venv with the groups and extras', async () => {
    const ctx = context('uv-project', { groups: 'dev', extras: 'fmt' }, '/tc/uv/uv 0.13.9')
    expect(await uvManager.install(ctx)).toEqual([])
    expect(argvs().at(-1)).toBe('uv sync --locked --group dev --extra fmt')
    expect(calls.at(-1)?.env).toMatchObject({
      UV_PROJECT_ENVIRONMENT: ctx.venv.root,
      UV_PYTHON_DOWNLOADS: 'never',
    })
    expect(coreMock.exportVariable).toHaveBeenCalledWith('UV_PROJECT_ENVIRONMENT', ctx.venv.root)
    expect(await managerVersion(uvManager, ctx)).toBe('0.13.9')
  })

  it('reports a stale lock and installs it frozen', async () => {
    const ctx = context('uv-project', {}, '/tc/uv/uv 0.13.9')
    answer = (_program, args) =>
      args.includes('--locked')
        ? {
            exitCode: 1,
            stderr: 'error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided.',
          }
        : undefined
    const findings = await uvManager.install(ctx)
    expect(findings).toMatchObject([{ rule: 'lock-stale', file: 'uv.lock' }])
    expect(argvs().at(-1)).toBe('uv sync --frozen')
  })

  it("fails with uv's own error lines at the lock", async () => {
    const ctx = context('uv-project', {}, '/tc/uv/uv 0.13.9')
    answer = (_program, args) =>
      args[0] === 'sync'
        ? { exitCode: 2, stderr: 'error: Failed to fetch: `https://pypi.org/simple/six/`' }
        : undefined
    await expect(uvManager.install(ctx)).rejects.toThrow('uv sync exited with code 2: error: Failed to fetch')
  })

  it('lists with uv pip list and turns uv pip check into pip check lines', async () => {
    const ctx = context('uv-project', {}, '/tc/uv/uv 0.13.9')
    answer = (_program, args) =>
      args[1] === 'list'
        ? { stdout: '[{"name":"six","version":"1.17.0"}]' }
        : args[1] === 'check'
          ? { exitCode: 1, stdout: '' }
          : undefined
    expect(await uvManager.installedPackages(ctx)).toEqual([{ name: 'six', version: '1.17.0' }])
    expect(typeof (await uvManager.check(ctx))).toBe('string')
    answer = () => ({ exitCode: 0 })
    expect(await uvManager.check(ctx)).toBe('')
  })

  it('installs a workspace member with --package from the workspace root', async () => {
    const ctx = context('uv-workspace', { 'working-directory': 'packages/wsapp' }, '/tc/uv/uv 0.13.9')
    await uvManager.install(ctx)
    expect(argvs().at(-1)).toBe('uv sync --locked --package wsapp')
    expect(calls.at(-1)?.cwd).toBe(path.join(temp, 'uv-workspace'))
  })
})

describe('poetry', () => {
  it('syncs with the groups into the action venv (poetry sync checks the lock itself)', async () => {
    const ctx = context(
      'poetry-project',
      { groups: 'dev', 'all-extras': 'true' },
      '/tc/poetry/bin/poetry 2.5.1',
    )
    expect(await poetryManager.install(ctx)).toEqual([])
    expect(argvs().slice(1)).toEqual(['poetry sync --with dev --all-extras'])
    expect(calls.at(-1)?.env).toMatchObject({
      VIRTUAL_ENV: ctx.venv.root,
      POETRY_VIRTUALENVS_CREATE: 'false',
    })
    expect(await managerVersion(poetryManager, ctx)).toBe('2.5.1')
  })

  it('reports a stale lock and installs its pins with pip, then the project', async () => {
    const ctx = context('poetry-project', {}, '/tc/poetry/bin/poetry 2.5.1')
    answer = (_program, args) =>
      args[0] === 'sync'
        ? {
            exitCode: 1,
            stderr:
              'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock` to fix the lock file.',
          }
        : undefined
    const findings = await poetryManager.install(ctx)
    expect(findings).toMatchObject([{ rule: 'lock-stale', file: 'poetry.lock' }])
    expect(argvs().slice(2)).toEqual([
      expect.stringMatching(/^python -m pip install --no-deps -r .*setup-python-env-poetry-locked\.txt$/),
      expect.stringMatching(/^python -m pip install --no-deps -e /),
    ])
  })

  it('fails with the last lines poetry printed', async () => {
    const ctx = context('poetry-project', {}, '/tc/poetry/bin/poetry 2.5.1')
    answer = (_program, args) =>
      args[0] === 'sync' ? { exitCode: 1, stderr: 'Because x depends on y\nsolving failed' } : undefined
    await expect(poetryManager.install(ctx)).rejects.toThrow(
      'poetry sync exited with code 1: Because x depends on y solving failed',
    )
  })
})
