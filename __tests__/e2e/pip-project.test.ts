import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { copyExample, errors, runAction } from '../support/run-action.js'

describe('pip project, end to end through dist/', () => {
  it('installs the pinned requirements, passes pip check and the smoke test, and exports the venv', async () => {
    const run = await runAction('pip-project')
    expect(run.exitCode).toBe(0)
    expect(run.post.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      manager: 'pip',
      'smoke-test-result': 'passed',
      'python-version-source': '.python-version:1',
    })
    expect(run.outputs['python-version']).toMatch(/^3\.11\.\d+$/)
    expect(errors(run)).toEqual([])

    const venv = run.outputs['venv-path'] ?? ''
    expect(venv).toBe(path.join(run.projectDir, '.venv'))
    const python = path.join(venv, 'bin', 'python')
    expect(execFileSync(python, ['-c', 'import six, idna; print(six.__version__)']).toString().trim()).toBe(
      '1.17.0',
    )
    expect(run.exportedEnv.VIRTUAL_ENV).toBe(venv)
    expect(run.addedPath).toContain(path.join(venv, 'bin'))
    expect(run.summary).toContain('| Smoke test | passed')
    expect(fs.existsSync(path.join(venv, '.setup-python-env'))).toBe(true)
  })

  it('annotates a failing smoke test at the failing line of the test file', async () => {
    const run = await runAction('broken/pip-failing-test')
    expect(run.exitCode).toBe(1)
    expect(run.outputs['smoke-test-result']).toBe('failed')
    expect(errors(run)).toContainEqual(
      expect.objectContaining({ title: 'smoke-test-failed', file: 'tests/test_smoke.py', line: 10 }),
    )
  })

  it('reports the packages pip check finds in conflict, at the pin', async () => {
    const run = await runAction('broken/pip-conflict')
    expect(run.exitCode).toBe(1)
    const conflict = errors(run).find((annotation) => annotation.title === 'pip-check-conflict')
    expect(conflict).toMatchObject({ file: 'requirements.txt', line: 5 })
    expect(conflict?.message).toContain('conflictpkg 0.1.0 requires six<1.16, but six 1.17.0 is installed')
    expect(run.post.exitCode).toBe(0)
  })

  it('names the requirements file and line that cannot be installed', async () => {
    const run = await runAction('broken/pip-uninstallable')
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([
      expect.objectContaining({
        file: 'requirements.txt',
        line: 3,
        title: 'Requirement cannot be installed',
      }),
    ])
    expect(run.log).not.toMatch(/\n\s+at /)
  })

  it.each([
    [{ 'python-version': 'banana' }, "Input 'python-version' is 'banana'"],
    [{ requirements: 'missing.txt' }, "Input 'requirements' names missing.txt, which does not exist"],
    [{ 'smoke-test': 'maybe' }, "Input 'smoke-test' is 'maybe'"],
    [{ 'fail-on': 'sometimes' }, "Input 'fail-on' is 'sometimes'"],
    [{ 'python-version': '3.99' }, 'Python 3.99 was asked for'],
  ])('refuses bad input %j with one clear error and no stack trace', async (inputs, message) => {
    const run = await runAction('pip-project', { inputs })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.message).toContain(message)
    expect(run.log).not.toMatch(/\n\s+at /)
  })

  it("refuses 'groups' on a pip project before creating anything, naming the input", async () => {
    const run = await runAction('pip-project', { inputs: { groups: 'dev' } })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([
      expect.objectContaining({ title: "Input 'groups' does not apply", file: 'requirements.txt' }),
    ])
    expect(fs.existsSync(path.join(run.projectDir, '.venv'))).toBe(false)
    expect(run.log).not.toMatch(/\n\s+at /)
  })

  it("installs the local project with the 'extras' asked for (pip install -e .[extra])", async () => {
    const projectDir = copyExample('setuppy-project')
    const setupPy = path.join(projectDir, 'setup.py')
    fs.writeFileSync(
      setupPy,
      fs
        .readFileSync(setupPy, 'utf8')
        .replace('python_requires=', 'extras_require={"net": ["idna"]},\n    python_requires='),
    )
    const run = await runAction('setuppy-project', { projectDir, inputs: { extras: 'net' } })
    expect(errors(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    const python = path.join(run.outputs['venv-path'] ?? '', 'bin', 'python')
    expect(execFileSync(python, ['-c', 'import idna, mlcourse; print("ok")']).toString().trim()).toBe('ok')
  })
})
