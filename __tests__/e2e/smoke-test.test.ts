import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { type ActionRun, errors, repoRoot, runAction } from '../support/run-action.js'

/** A copy of one of __fixtures__/smoke-test/ (small pip projects), so tests never write into the repo. */
function copyFixture(name: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `spe-smoke-${name}-`))
  fs.cpSync(path.join(repoRoot, '__fixtures__', 'smoke-test', name), target, { recursive: true })
  return target
}

/** No run here should come near this: a test that hangs would otherwise hold the suite 10 minutes. */
const BOUND_MS = 5 * 60 * 1000

async function smokeRun(fixture: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(fixture, {
    projectDir: copyFixture(fixture),
    inputs: { cache: 'false', ...inputs },
    timeoutMs: BOUND_MS,
  })
}

function expectPassed(run: ActionRun, command: string): void {
  expect({ exit: run.exitCode, post: run.post.exitCode, errors: errors(run) }).toEqual({
    exit: 0,
    post: 0,
    errors: [],
  })
  expect(run.outputs['smoke-test-result']).toBe('passed')
  expect(run.log).toContain(`Running the smoke test: ${command} (stopped after 300 s)`)
  expect(run.summary).toMatch(/\| Smoke test \| passed: python -m pytest/)
}

/** The error annotations of findings (the closing fail-on line has no title). */
const findingErrors = (run: ActionRun) => errors(run).filter((annotation) => annotation.title)

const ran = (run: ActionRun, marker: string) => fs.existsSync(path.join(run.projectDir, marker))

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('smoke-test: auto runs a smoke test, not the suite', () => {
  it('runs the tests marked smoke when the project marks some', async () => {
    const run = await smokeRun('marker')
    expectPassed(run, 'python -m pytest -m smoke')
    expect(run.log).toContain(
      'smoke-test: auto runs the tests marked smoke (the marker is used at tests/test_api.py:8)',
    )
    expect(ran(run, 'ran-not-smoke')).toBe(false)
  })

  it('runs the smoke-named test files (*_smoke_test.py) when nothing is marked', async () => {
    const run = await smokeRun('named-file')
    expectPassed(run, 'python -m pytest tests/api_smoke_test.py')
    expect(run.log).toContain('smoke-test: auto runs the smoke-named tests (tests/api_smoke_test.py)')
    expect(ran(run, 'ran-other')).toBe(false)
  })

  it('runs the tests/smoke/ folder', async () => {
    const run = await smokeRun('smoke-folder')
    expectPassed(run, 'python -m pytest tests/smoke')
    expect(ran(run, 'ran-unit')).toBe(false)
  })

  it('only collects when there is no smoke test: the slow test does not run', async () => {
    const run = await smokeRun('slow-only')
    expectPassed(run, 'python -m pytest --collect-only -q')
    expect(run.log).toContain('smoke-test: auto runs collection only')
    expect(ran(run, 'ran-slow')).toBe(false)
  })

  it('still fails, at the import, when a test module imports a package the environment lacks', async () => {
    const run = await smokeRun('missing-import')
    expect(run.exitCode).toBe(1)
    expect(run.post.exitCode).toBe(0)
    expect(run.outputs['smoke-test-result']).toBe('failed')
    expect(findingErrors(run)).toEqual([
      expect.objectContaining({
        title: 'smoke-test-failed',
        file: 'tests/test_feature.py',
        line: 1,
        message: expect.stringContaining("No module named 'yaml'"),
      }),
    ])
  })
})

describe('smoke-test: full and smoke-test-timeout', () => {
  it('full runs the whole suite, the tests not marked smoke too', async () => {
    const run = await smokeRun('marker', { 'smoke-test': 'full' })
    expectPassed(run, 'python -m pytest')
    expect(ran(run, 'ran-not-smoke')).toBe(true)
  })

  it('stops a smoke test still running at the timeout, with the processes it started, as one error', async () => {
    const run = await smokeRun('slow-only', { 'smoke-test': 'full', 'smoke-test-timeout': '3' })
    expect(run.exitCode).toBe(1)
    expect(run.post.exitCode).toBe(0)
    expect(run.outputs['smoke-test-result']).toBe('failed')
    expect(findingErrors(run)).toEqual([
      expect.objectContaining({
        title: 'smoke-test-failed',
        message: expect.stringContaining("'python -m pytest' was still running after 3 s and was stopped"),
      }),
    ])
    expect(ran(run, 'ran-slow')).toBe(true)
    const child = Number(fs.readFileSync(path.join(run.projectDir, 'child.pid'), 'utf8'))
    for (let i = 0; i < 50 && alive(child); i++) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(alive(child)).toBe(false)
  })
})
