import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { type BadInputCase, expectedExitCode, type Files, makeRepo } from '../bad-input/case.js'
import { badInputCases } from '../bad-input/cases/index.js'
import { type ActionRun, errors, runAction } from '../support/run-action.js'

interface BadCase {
  name: string
  files: Files
  inputs?: Record<string, string>
  /** Text the one error line must contain. */
  message: string
  file?: string
  line?: number
}

const cases: BadCase[] = [
  { name: 'an empty repository', files: {}, message: 'No requirements-lock.txt, requirements.txt, setup.py' },
  {
    name: 'a requirements file that is not UTF-8',
    files: { 'requirements.txt': Buffer.from([0x6e, 0x75, 0x6d, 0x70, 0x79, 0xff, 0xfe, 0x0a]) },
    message: 'requirements.txt is not valid UTF-8',
    file: 'requirements.txt',
  },
  {
    name: 'a requirements file that links to itself',
    files: { 'requirements.txt': { symlink: 'requirements.txt' } },
    message: 'a symbolic link loop',
    file: 'requirements.txt',
  },
  {
    name: 'a requirements file that is a directory',
    files: { 'requirements.txt/x': '' },
    message: 'it is a directory',
  },
  {
    name: 'a -r include loop',
    files: { 'requirements.txt': 'six==1.17.0\n-r dev.txt\n', 'dev.txt': '-r requirements.txt\n' },
    message: 'includes a file that is already being read',
    file: 'dev.txt',
    line: 1,
  },
  {
    name: 'a -r include that does not exist',
    files: { 'requirements.txt': 'six==1.17.0\n\n-r missing.txt\n' },
    message: "'missing.txt' does not exist",
    file: 'requirements.txt',
    line: 3,
  },
  {
    name: 'a malformed requirement line',
    files: { 'requirements.txt': 'six==1.17.0\nnumpy=>1.0\n' },
    message: 'invalid version specifier',
    file: 'requirements.txt',
    line: 2,
  },
  {
    name: '-r without a file name',
    files: { 'requirements.txt': '-r\n' },
    message: "'-r' needs a file name",
    file: 'requirements.txt',
    line: 1,
  },
  {
    name: 'a truncated pyproject.toml',
    files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "six==1.17.0",\n' },
    message: 'pyproject.toml',
    file: 'pyproject.toml',
  },
  {
    name: 'an empty .python-version',
    files: { 'requirements.txt': 'six==1.17.0\n', '.python-version': '# nothing\n\n' },
    message: '.python-version names no Python version',
    file: '.python-version',
  },
  {
    name: 'a working-directory that does not exist',
    files: { 'requirements.txt': 'six==1.17.0\n' },
    inputs: { 'working-directory': 'services/api' },
    message: "Input 'working-directory' is services/api, which is not a directory",
  },
  {
    name: 'a venv-path taken by a folder the action did not create',
    files: { 'requirements.txt': 'six==1.17.0\n', '.python-version': '3.11\n', '.venv/keep.txt': 'mine' },
    message: '.venv already exists and was not created by setup-python-env',
  },
  {
    name: 'requirements naming a file that does not exist',
    files: { 'requirements.txt': 'six==1.17.0\n' },
    inputs: { requirements: 'requirements.txt requirements-dev.txt' },
    message: "Input 'requirements' names requirements-dev.txt, which does not exist",
  },
  {
    name: 'an unknown manager',
    files: { 'requirements.txt': 'six==1.17.0\n' },
    inputs: { manager: 'pipenv' },
    message: "Input 'manager' is 'pipenv'",
  },
]

describe('bad input through the local runner: one clear error, no stack trace, nothing lost', () => {
  it.each(cases)('$name', async (badCase) => {
    const projectDir = makeRepo(badCase.files)
    const run = await runAction('', { projectDir, inputs: badCase.inputs })
    expect(run.exitCode).toBe(1)
    const found = errors(run)
    expect(found).toHaveLength(1)
    expect(found[0]?.message).toContain(badCase.message)
    if (badCase.file) expect(found[0]?.file).toBe(badCase.file)
    if (badCase.line) expect(found[0]?.line).toBe(badCase.line)
    expect(run.log).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
    expect(run.log).not.toContain('please report')
    expect(run.post.exitCode).toBe(0)
  })

  it('leaves a folder it did not create untouched', async () => {
    const projectDir = makeRepo({ 'requirements.txt': 'six==1.17.0\n', '.venv/keep.txt': 'mine' })
    await runAction('', { projectDir })
    expect(fs.readFileSync(path.join(projectDir, '.venv', 'keep.txt'), 'utf8')).toBe('mine')
  })
})

/** What every run on bad input must show: no stack trace, no "please report", a quiet post step. */
function expectNoCrash(run: ActionRun): void {
  expect(run.log).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
  expect(run.log).not.toContain('please report')
  expect(run.post.exitCode).toBe(0)
  expect(run.post.log).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
}

const corpusSubset = badInputCases.filter((c) => c.e2e)

describe('the bad-input corpus through the built action (the e2e subset)', () => {
  it('runs a representative subset', () => {
    expect(corpusSubset.length).toBeGreaterThanOrEqual(25)
  })

  it.each(corpusSubset.map((c) => [c.name, c] as const))('%s', async (_name, badCase: BadInputCase) => {
    const projectDir = makeRepo(badCase.files)
    const run = await runAction('', { projectDir, inputs: badCase.inputs, timeoutMs: 5 * 60 * 1000 })
    const expected = badCase.expected
    expect(run.exitCode).toBe(expectedExitCode(expected))
    expectNoCrash(run)
    if (expected.kind === 'error') {
      const found = errors(run)
      expect(found).toHaveLength(1)
      expect([found[0]?.title, found[0]?.file, found[0]?.line]).toEqual([
        expected.title,
        expected.file,
        expected.line,
      ])
      if (expected.message) expect(found[0]?.message).toContain(expected.message)
      expect(found[0]?.message).toContain('Fix: ')
      if (expected.fixContains) expect(found[0]?.message).toContain(expected.fixContains)
    } else if (expected.kind === 'finding') {
      const finding = run.annotations.find((a) => a.title === expected.rule && a.file === expected.file)
      expect(finding).toBeDefined()
      if (expected.line !== undefined) expect(finding?.line).toBe(expected.line)
    } else if (expected.kind === 'warning') {
      const warning = run.annotations.find(
        (a) => a.level === 'warning' && a.file === expected.file && a.message.includes(expected.message),
      )
      expect(warning).toBeDefined()
      if (expected.line !== undefined) expect(warning?.line).toBe(expected.line)
    } else {
      expect(errors(run)).toEqual([])
    }
  })
})
