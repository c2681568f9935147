import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import type { CommandResult } from '../../../src/exec.js'

// The smoke test with pytest replaced by a recorder that writes the JUnit report pytest would.
let exitCode = 0
let junit: string | undefined
let startFails: Error | undefined
const calls: { program: string; args: string[] }[] = []
const runCommand = jest.fn(async (program: string, args: string[]): Promise<CommandResult> => {
  if (startFails) throw startFails
  calls.push({ program, args })
  const report = args.find((arg) => arg.startsWith('--junitxml='))?.slice('--junitxml='.length)
  if (report && junit) fs.writeFileSync(report, junit)
  return { exitCode, stdout: '', stderr: '' }
})
jest.unstable_mockModule('@actions/core', () => coreMock)
const exec = await import('../../../src/exec.js')
jest.unstable_mockModule('../../../src/exec.js', () => ({ ...exec, runCommand }))
const { runSmokeTest } = await import('../../../src/verify/smoke-test.js')
const { venvLayout } = await import('../../../src/managers/venv-layout.js')
const { managerContext } = await import('../../../__fixtures__/context.js')
type Context = import('../../../src/managers/types.js').ManagerContext

let temp: string
const pytest = [{ name: 'pytest', version: '8.3.5' }]
const FAILING = `<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="0" failures="1" tests="2">
<testcase classname="tests.test_smoke" name="test_ok" file="tests/test_smoke.py" line="3" />
<testcase classname="tests.test_smoke" name="test_pins" file="tests/test_smoke.py" line="7">
<failure message="AssertionError: assert '1.17.0' == '1.16.0'">tests/test_smoke.py:9: AssertionError</failure></testcase>
</testsuite></testsuites>`

function context(hasTests = true): Context {
  const project = path.join(temp, 'repo', 'svc')
  fs.mkdirSync(path.join(project, '.venv', 'bin'), { recursive: true })
  fs.writeFileSync(path.join(project, '.venv', 'bin', 'pytest'), '')
  return managerContext({
    inputs: {},
    project: { root: project, workspace: path.join(temp, 'repo'), hasTests },
    venv: venvLayout(path.join(project, '.venv')),
  })
}
const junitPath = () => path.join(temp, 'junit.xml')

beforeEach(() => {
  jest.clearAllMocks()
  calls.length = 0
  exitCode = 0
  junit = undefined
  startFails = undefined
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-smoke-'))
})
afterEach(() => fs.rmSync(temp, { recursive: true, force: true }))

describe('runSmokeTest', () => {
  it('runs python -m pytest in the venv with a JUnit report when the project has tests', async () => {
    const ctx = context()
    junit = FAILING.replace('failures="1"', 'failures="0"').replace(/<failure[\s\S]*?<\/failure>/, '')
    const outcome = await runSmokeTest(ctx, { kind: 'auto' }, pytest, junitPath())
    expect(outcome).toMatchObject({ result: 'passed', command: 'python -m pytest', tests: 2, findings: [] })
    expect(calls[0]).toEqual({
      program: ctx.venv.python,
      args: ['-m', 'pytest', `--junitxml=${junitPath()}`, '-o', 'junit_family=xunit1'],
    })
  })

  it('annotates each failing test at its line, relative to the repository', async () => {
    exitCode = 1
    junit = FAILING
    const outcome = await runSmokeTest(context(), { kind: 'auto' }, pytest, junitPath())
    expect(outcome.result).toBe('failed')
    expect(outcome.findings).toMatchObject([
      { rule: 'smoke-test-failed', severity: 'error', file: 'svc/tests/test_smoke.py', line: 9 },
    ])
    expect(outcome.findings[0]?.message).toContain('test_pins failed')
  })

  it('reports a failing command without a report as one error with its exit code', async () => {
    exitCode = 3
    const outcome = await runSmokeTest(
      context(),
      { kind: 'command', argv: ['./smoke.sh', '--fast'] },
      [],
      junitPath(),
    )
    expect(outcome).toMatchObject({ result: 'failed', command: './smoke.sh --fast' })
    expect(outcome.findings[0]?.message).toContain('exited with code 3')
    expect(calls[0]?.args).toEqual(['--fast'])
  })

  it("treats pytest's exit code 5 as no tests, a warning", async () => {
    exitCode = 5
    const ctx = context()
    const outcome = await runSmokeTest(
      ctx,
      { kind: 'command', argv: ['pytest', 'tests/test_smoke.py'] },
      pytest,
      junitPath(),
    )
    expect(outcome).toMatchObject({ result: 'no-tests', tests: 0, findings: [{ severity: 'warning' }] })
    // a bare program name is found in the venv, as after `activate`
    expect(calls[0]?.program).toBe(path.join(ctx.venv.binDir, 'pytest'))
  })

  it.each([
    ['none', { kind: 'none' as const }, true, pytest, undefined],
    ['auto without tests', { kind: 'auto' as const }, false, pytest, undefined],
    ['auto without pytest installed', { kind: 'auto' as const }, true, [], 'warning'],
  ])('skips with %s', async (_what, setting, hasTests, installed, severity) => {
    const outcome = await runSmokeTest(context(hasTests), setting, installed, junitPath())
    expect(outcome.result).toBe('skipped')
    expect(outcome.findings[0]?.severity).toBe(severity)
    expect(calls).toHaveLength(0)
  })

  it('reports a command that cannot start as a failed smoke test, not a crash', async () => {
    startFails = new Error('Unable to locate executable file: nosuchtool')
    const outcome = await runSmokeTest(context(), { kind: 'command', argv: ['nosuchtool'] }, [], junitPath())
    expect(outcome).toMatchObject({ result: 'failed', command: 'nosuchtool' })
    expect(outcome.findings[0]?.message).toContain('could not be started: Unable to locate executable file')
  })
})
