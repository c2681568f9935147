import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import * as fc from 'fast-check'
import { inputReader } from '../../../__fixtures__/context.js'
import { UserError } from '../../../src/errors.js'
import { loadInputs } from '../../../src/inputs.js'
import { readPythonVersionSources, selectingSource } from '../../../src/project/python-version-sources.js'

function project(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-sources-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), text)
  }
  const previous = process.env.GITHUB_WORKSPACE
  process.env.GITHUB_WORKSPACE = root
  try {
    return loadInputs(inputReader(inputs))
  } finally {
    process.env.GITHUB_WORKSPACE = previous
  }
}

const everything = {
  '.python-version': '3.11\n',
  '.tool-versions': 'python 3.11.7\n',
  'runtime.txt': 'python-3.11.7\n',
  'environment.yml': 'dependencies:\n  - python=3.11\n',
  'pyproject.toml': '[project]\nrequires-python = ">=3.10"\n[tool.ruff]\ntarget-version = "py310"\n',
  '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - with:\n          python-version: "3.12"\n',
  Dockerfile: 'FROM python:3.12-slim\n',
}

describe('readPythonVersionSources', () => {
  it('lists every source in order of precedence, with file, line and whether it chooses', () => {
    const sources = readPythonVersionSources(project(everything, { 'python-version': '3.12' }))
    expect(
      sources.map((s) => [s.kind, s.file ? `${s.file}:${s.line}` : '-', s.value, s.usedForSelection]),
    ).toEqual([
      ['input', '-', '3.12', true],
      ['python-version-file', '.python-version:1', '3.11', true],
      ['tool-versions', '.tool-versions:1', '3.11.7', true],
      ['runtime-txt', 'runtime.txt:1', '3.11.7', true],
      ['conda', 'environment.yml:2', '3.11', true],
      ['requires-python', 'pyproject.toml:2', '>=3.10', true],
      ['ruff', 'pyproject.toml:4', '3.10', false],
      ['workflow', '.github/workflows/ci.yml:5', '3.12', false],
      ['dockerfile', 'Dockerfile:1', '3.12', false],
    ])
    expect(selectingSource(sources)?.kind).toBe('input')
  })

  it('reads python-version-file by its format and puts it first among the files', () => {
    const sources = readPythonVersionSources(project(everything, { 'python-version-file': 'pyproject.toml' }))
    expect(selectingSource(sources)).toMatchObject({
      kind: 'requires-python',
      file: 'pyproject.toml',
      line: 2,
    })
  })

  it('falls back to requires-python when nothing pins an exact version', () => {
    const sources = readPythonVersionSources(
      project({ 'pyproject.toml': '[project]\nrequires-python = ">=3.10,<3.13"\n' }),
    )
    expect(selectingSource(sources)).toMatchObject({ specifier: '>=3.10,<3.13', usedForSelection: true })
  })

  it.each([
    [{ 'python-version-file': 'missing' }, {}, 'which does not exist'],
    [
      { 'python-version-file': 'pyproject.toml' },
      { 'pyproject.toml': '[project]\nname = "x"\n' },
      'states no Python version',
    ],
    [{}, { '.python-version': '\n3.x.y\n' }, ".python-version:2: '3.x.y' is not a Python version"],
  ])('refuses %j with %j clearly', (inputs, files, message) => {
    expect(() => readPythonVersionSources(project(files, inputs))).toThrow(UserError)
    expect(() => readPythonVersionSources(project(files, inputs))).toThrow(message)
  })

  it('refuses python-version: banana as an input error', () => {
    expect(() => project({}, { 'python-version': 'banana' })).toThrow("Input 'python-version' is 'banana'")
  })
})

describe('readPythonVersionSources on any files', () => {
  it('returns sources with file and line, or a UserError with file and line, never anything else', () => {
    const names = [
      '.python-version',
      '.tool-versions',
      'runtime.txt',
      'environment.yml',
      'pyproject.toml',
      'Dockerfile',
    ]
    const text = fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          '3.11',
          'python 3.x',
          'python-',
          '[project]',
          'requires-python = 3',
          '  - python=',
          'FROM python:',
        ),
      ),
      { maxLength: 4 },
    )
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), text), (files) => {
        const inputs = project(
          Object.fromEntries(Object.entries(files).map(([name, lines]) => [name, lines.join('\n')])),
        )
        try {
          for (const source of readPythonVersionSources(inputs)) {
            expect(source.file && source.line).toBeTruthy()
            expect(source.specifier).not.toBe('')
          }
        } catch (error) {
          expect(error).toBeInstanceOf(UserError)
          expect(names).toContain((error as UserError).file)
          expect((error as UserError).line).toBeGreaterThanOrEqual(1)
        } finally {
          fs.rmSync(inputs.workspace, { recursive: true, force: true })
        }
      }),
      { numRuns: 150 },
    )
  })
})
