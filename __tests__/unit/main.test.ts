import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../__fixtures__/core.js'
import type { CacheOutcome } from '../../src/cache/restore-env.js'
import type { Manager } from '../../src/managers/types.js'
import type { Finding } from '../../src/model/finding.js'
import type { PythonInstall } from '../../src/python/find-python.js'
import type { SmokeTestOutcome } from '../../src/verify/smoke-test.js'

// The pipeline in src/main.ts with the stages that start programs or reach the network replaced
// (Python, the manager, the cache, the import and pytest smoke tests, the base revision); the
// project reader, the drift rules, the report and the state are the real ones.
const root = path.resolve(import.meta.dirname, '../..')
const python: PythonInstall = {
  version: '3.11.7',
  executable: '/opt/tc/Python/3.11.7/x64/bin/python3',
  prefix: '/opt/tc/Python/3.11.7/x64',
  source: '.python-version:1',
  foundIn: 'tool-cache',
  cacheHit: true,
}
const findPython = jest.fn(async () => python)
const restoreEnvironment = jest.fn<() => Promise<CacheOutcome>>()
const runSmokeTest = jest.fn<() => Promise<SmokeTestOutcome>>()
const install = jest.fn<() => Promise<Finding[]>>()
const check = jest.fn(async () => '')
const manager: Manager = {
  name: 'pip',
  installTool: async () => undefined,
  version: async () => '24.0',
  install,
  // what examples/pip-project/requirements.txt pins
  installedPackages: async () =>
    Object.entries({
      idna: '3.10',
      packaging: '24.2',
      six: '1.17.0',
      iniconfig: '2.1.0',
      pluggy: '1.5.0',
      pytest: '8.3.5',
    }).map(([name, version]) => ({ name, version })),
  check,
}

jest.unstable_mockModule('@actions/core', () => coreMock)
jest.unstable_mockModule('../../src/python/find-python.js', () => ({ findPython }))
const selectManager = await import('../../src/managers/select-manager.js')
jest.unstable_mockModule('../../src/managers/select-manager.js', () => ({
  ...selectManager,
  managerFor: () => manager,
}))
jest.unstable_mockModule('../../src/cache/restore-env.js', () => ({
  restoreEnvironment,
}))
jest.unstable_mockModule('../../src/verify/import-smoke.js', () => ({
  runImportSmoke: async () => ({ checked: 2, failures: [] }),
}))
jest.unstable_mockModule('../../src/verify/smoke-test.js', () => ({ runSmokeTest }))
jest.unstable_mockModule('../../src/drift/base-revision.js', () => ({
  openBaseRevision: async () => undefined,
}))
const { run } = await import('../../src/main.js')

let workspace: string
let temp: string
const saved = { ...process.env }

function useInputs(values: Record<string, string>): void {
  coreMock.getInput.mockImplementation((name) => values[name] ?? '')
}
const outputs = () =>
  Object.fromEntries(coreMock.setOutput.mock.calls.map(([name, value]) => [name, `${value}`]))
const state = () => JSON.parse(`${coreMock.saveState.mock.calls.at(-1)?.[1] ?? '{}'}`)

beforeEach(() => {
  jest.clearAllMocks()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-main-'))
  workspace = path.join(temp, 'repo')
  fs.cpSync(path.join(root, 'examples', 'pip-project'), workspace, {
    recursive: true,
    filter: (source) => !/[/\\](\.venv|__pycache__|\.pytest_cache)$/.test(source),
  })
  process.env.GITHUB_WORKSPACE = workspace
  process.env.RUNNER_TEMP = path.join(temp, 'runner-temp')
  fs.mkdirSync(process.env.RUNNER_TEMP)
  delete process.env.GITHUB_EVENT_NAME
  delete process.env.GITHUB_EVENT_PATH
  restoreEnvironment.mockResolvedValue({ hit: 'miss', key: 'k-1', paths: [], save: true })
  runSmokeTest.mockResolvedValue({ result: 'passed', command: 'python -m pytest', tests: 3, findings: [] })
  install.mockResolvedValue([])
  useInputs({})
})

afterEach(() => {
  process.env = { ...saved }
  fs.rmSync(temp, { recursive: true, force: true })
})

describe('run (the main step)', () => {
  it('runs the stages in order, sets the outputs and tells post to save the cache', async () => {
    await run()
    expect(coreMock.setFailed).not.toHaveBeenCalled()
    const stages = coreMock.group.mock.calls.map(([name]) => name)
    expect(stages).toEqual([
      'Project',
      'Python',
      'Cache restore',
      'Install (pip)',
      'Verify',
      'Drift',
      'Report',
    ])
    expect(outputs()).toMatchObject({
      'python-version': '3.11.7',
      manager: 'pip',
      'manager-version': '24.0',
      'venv-path': path.join(workspace, '.venv'),
      'smoke-test-result': 'passed',
      'cache-hit': 'false',
      'cache-key': 'k-1',
    })
    expect(fs.existsSync(outputs()['sarif-file'] ?? '')).toBe(true)
    expect(state()).toMatchObject({
      succeeded: true,
      pythonVersion: '3.11.7',
      venvPath: path.join(workspace, '.venv'),
    })
    expect(coreMock.exportVariable).toHaveBeenCalledWith('VIRTUAL_ENV', path.join(workspace, '.venv'))
  })

  it('skips the install on an exact cache hit', async () => {
    restoreEnvironment.mockResolvedValue({
      hit: 'exact',
      key: 'k-1',
      matchedKey: 'k-1',
      paths: [],
      save: false,
    })
    await run()
    expect(install).not.toHaveBeenCalled()
    expect(coreMock.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Install \(pip\): skipped \(cache hit on k-1/),
    )
    expect(outputs()['cache-hit']).toBe('true')
  })

  it('does not save an environment installed around a problem, and fails on its error', async () => {
    install.mockResolvedValue([
      { rule: 'lock-stale', severity: 'error', message: 'stale', file: 'requirements.txt', line: 1 },
    ])
    await run()
    expect(coreMock.setFailed).toHaveBeenCalledWith(expect.stringContaining('1 error'))
    expect(state()).toMatchObject({ succeeded: false })
    expect(state().cache?.save ?? false).toBe(false)
  })

  it('reports a failed smoke test as an error finding, and fail-on never lets the step pass', async () => {
    useInputs({ 'fail-on': 'never' })
    runSmokeTest.mockResolvedValue({
      result: 'failed',
      command: 'python -m pytest',
      tests: 1,
      findings: [
        {
          rule: 'smoke-test-failed',
          severity: 'error',
          message: 'test_x failed',
          file: 'tests/test_smoke.py',
          line: 3,
        },
      ],
    })
    await run()
    expect(coreMock.setFailed).not.toHaveBeenCalled()
    expect(outputs()).toMatchObject({ 'smoke-test-result': 'failed', 'errors-count': '1' })
  })

  it("ends with one error line for the user's mistake, and leaves state that post skips", async () => {
    useInputs({ 'fail-on': 'sometimes' })
    await run()
    expect(coreMock.error).toHaveBeenCalledTimes(1)
    expect(`${coreMock.error.mock.calls[0]?.[0]}`).toContain("Input 'fail-on'")
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(state()).toEqual({ succeeded: false })
  })

  it('turns a rule off with the rules input', async () => {
    fs.writeFileSync(
      path.join(workspace, 'requirements.txt'),
      fs.readFileSync(path.join(workspace, 'requirements.txt'), 'utf8').replace('six==1.17.0', 'six>=1.16'),
    )
    await run()
    expect(JSON.parse(outputs().findings ?? '[]').map((f: Finding) => f.rule)).toContain(
      'requirement-unpinned',
    )
    jest.clearAllMocks()
    useInputs({ rules: 'requirement-unpinned=off' })
    await run()
    expect(JSON.parse(outputs().findings ?? '[]').map((f: Finding) => f.rule)).not.toContain(
      'requirement-unpinned',
    )
  })
})
