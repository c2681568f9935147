import { describe, expect, it } from '@jest/globals'
import * as fc from 'fast-check'
import { UserError } from '../../../src/errors.js'
import { parseCondaPython } from '../../../src/project/python-version/conda-python.js'
import { parseDockerfilePython } from '../../../src/project/python-version/dockerfile-python.js'
import { parsePyprojectPython } from '../../../src/project/python-version/pyproject-python.js'
import { parseRuntimeTxt } from '../../../src/project/python-version/runtime-txt.js'
import { parseToolVersions } from '../../../src/project/python-version/tool-versions.js'
import { parseWorkflowPython } from '../../../src/project/python-version/workflow-python.js'
import { parsePythonVersionFile } from '../../../src/project/python-version-file.js'

/** Runs a parser and returns its value or the UserError's where and what, never anything else. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse()
  } catch (error) {
    if (error instanceof UserError) return { error: error.message, file: error.file, line: error.line }
    throw error
  }
}

describe('.python-version', () => {
  it.each([
    ['3.11\n', { value: '3.11', line: 1, specifier: '==3.11.*' }],
    ['\uFEFF# pinned\n\n3.11.7  # comment\n3.10\n', { value: '3.11.7', line: 3, specifier: '==3.11.7' }],
    ['system\n3.12\r\n', { value: '3.12', line: 2, specifier: '==3.12.*' }],
    ['3.13t', { value: '3.13t', line: 1, specifier: '==3.13.*' }],
    ['pypy3.10\n', { value: 'pypy3.10', line: 1, specifier: '==3.10.*' }],
    [
      'banana\n',
      { error: ".python-version:1: 'banana' is not a Python version.", file: '.python-version', line: 1 },
    ],
    [
      '\n\n# nothing\n',
      { error: '.python-version names no Python version.', file: '.python-version', line: 1 },
    ],
  ])('%j → %j', (text, expected) => {
    expect(outcome(() => parsePythonVersionFile(text, '.python-version'))).toEqual(expected)
  })
})

describe('.tool-versions', () => {
  it.each([
    ['nodejs 20.1.0\npython 3.11.7 3.10.4\n', { value: '3.11.7', line: 2, specifier: '==3.11.7' }],
    ['# asdf\npython 3.12 # latest\n', { value: '3.12', line: 2, specifier: '==3.12.*' }],
    ['nodejs 20.1.0\n', undefined],
    [
      'python\n',
      { error: '.tool-versions:1: the python line names no version.', file: '.tool-versions', line: 1 },
    ],
    [
      'python ref:v3.11.7\n',
      { error: ".tool-versions:1: 'ref:v3.11.7' is not a Python version.", file: '.tool-versions', line: 1 },
    ],
  ])('%j → %j', (text, expected) => {
    expect(outcome(() => parseToolVersions(text, '.tool-versions'))).toEqual(expected)
  })
})

describe('runtime.txt', () => {
  it.each([
    ['python-3.11.7\n', { value: '3.11.7', line: 1, specifier: '==3.11.7' }],
    ['\n  python-3.12\n', { value: '3.12', line: 2, specifier: '==3.12.*' }],
    [
      '3.11.7\n',
      { error: "runtime.txt:1: '3.11.7' is not of the form python-X.Y.Z.", file: 'runtime.txt', line: 1 },
    ],
    [
      'python-eleven\n',
      { error: "runtime.txt:1: 'eleven' is not a Python version.", file: 'runtime.txt', line: 1 },
    ],
    ['', { error: 'runtime.txt names no Python version.', file: 'runtime.txt', line: 1 }],
  ])('%j → %j', (text, expected) => {
    expect(outcome(() => parseRuntimeTxt(text, 'runtime.txt'))).toEqual(expected)
  })
})

describe('pyproject.toml', () => {
  it.each([
    [
      '[project]\nname = "x"\nrequires-python = ">=3.10,<3.13"\n',
      [{ kind: 'requires-python', value: '>=3.10,<3.13', line: 3, specifier: '>=3.10,<3.13' }],
    ],
    [
      '[tool.poetry.dependencies]\npython = "^3.11"\nrequests = "*"\n',
      [{ kind: 'poetry', value: '^3.11', line: 2, specifier: '>=3.11,<4' }],
    ],
    [
      '[tool.poetry.dependencies]\npython = { version = "~3.11" }\n',
      [{ kind: 'poetry', value: '~3.11', line: 2, specifier: '>=3.11,<3.12' }],
    ],
    [
      '[tool.mypy]\npython_version = 3.10\n\n[tool.black]\ntarget-version = ["py312", "py310"]\n\n[tool.ruff]\ntarget-version = "py311"\n',
      [
        { kind: 'mypy', value: '3.10', line: 2, specifier: '==3.10.*' },
        { kind: 'black', value: '3.10', line: 5, specifier: '==3.10.*' },
        { kind: 'ruff', value: '3.11', line: 8, specifier: '==3.11.*' },
      ],
    ],
    ['[tool.ruff]\ntarget-version = "latest"\n', []],
    [
      '[project]\nrequires-python = "three"\n',
      { error: "pyproject.toml:2: 'three' is not a Python version.", file: 'pyproject.toml', line: 2 },
    ],
    [
      '[project]\nrequires-python = 3.11\n',
      {
        error: 'pyproject.toml:2: \'requires-python\' must be a string such as ">=3.10".',
        file: 'pyproject.toml',
        line: 2,
      },
    ],
    [
      '[project\nname = 1\n',
      { error: expect.stringMatching(/^pyproject\.toml:1: /), file: 'pyproject.toml', line: 1 },
    ],
  ])('%j → %j', (text, expected) => {
    expect(outcome(() => parsePyprojectPython(text, 'pyproject.toml'))).toEqual(expected)
  })
})

describe('conda environment.yml', () => {
  it.each([
    [
      'name: x\ndependencies:\n  - numpy\n  - python=3.11\n',
      { value: '3.11', line: 4, specifier: '==3.11.*' },
    ],
    ['dependencies:\n  - python==3.11.7\n', { value: '==3.11.7', line: 2, specifier: '==3.11.7' }],
    [
      'dependencies:\n  - conda-forge::python>=3.10,<3.12\n',
      { value: '>=3.10,<3.12', line: 2, specifier: '>=3.10,<3.12' },
    ],
    ['dependencies:\n  - python=3.11=h955ad1f_0\n', { value: '3.11', line: 2, specifier: '==3.11.*' }],
    ['dependencies:\n  - python 3.12.*\n', { value: '3.12.*', line: 2, specifier: '==3.12.*' }],
    ['dependencies:\n  - python\n  - pip:\n    - requests\n', undefined],
    ['name: x\n', undefined],
    [
      'dependencies:\n  - python=snake\n',
      { error: "environment.yml:2: 'snake' is not a Python version.", file: 'environment.yml', line: 2 },
    ],
    [
      'dependencies: [python=3.11\n',
      {
        error: expect.stringMatching(/^environment\.yml:\d+: /),
        file: 'environment.yml',
        line: expect.any(Number),
      },
    ],
  ])('%j → %j', (text, expected) => {
    expect(outcome(() => parseCondaPython(text, 'environment.yml'))).toEqual(expected)
  })
})

describe('workflows (drift only)', () => {
  it('finds literal versions in steps and matrices, skipping expressions', () => {
    const text = [
      'jobs:',
      '  test:',
      '    strategy:',
      '      matrix:',
      "        python-version: ['3.10', '3.12']",
      '    steps:',
      '      - uses: actions/setup-python@v5',
      '        with:',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      '          python-version: ${{ matrix.python-version }}',
      '      - uses: actions/setup-python@v5',
      '        with:',
      '          python-version: "3.11"',
    ].join('\n')
    expect(parseWorkflowPython(text, 'ci.yml').map(({ value, line }) => ({ value, line }))).toEqual([
      { value: '3.10', line: 5 },
      { value: '3.12', line: 5 },
      { value: '3.11', line: 12 },
    ])
  })

  it('reads 3.10 as written, not as the number 3.1', () => {
    expect(parseWorkflowPython('with:\n  python-version: 3.10\n', 'ci.yml')[0]?.value).toBe('3.10')
  })

  it('skips a workflow that is not valid YAML', () => {
    expect(parseWorkflowPython('jobs: [\n', 'ci.yml')).toEqual([])
  })
})

describe('Dockerfile (drift only)', () => {
  it.each([
    [
      'FROM python:3.11-slim AS build\nFROM --platform=linux/amd64 docker.io/library/python:3.12.1\n',
      ['3.11:1', '3.12.1:2'],
    ],
    ['FROM python:latest\nFROM ubuntu:22.04\nRUN echo python:3.9\n', []],
  ])('%j → %j', (text, expected) => {
    expect(parseDockerfilePython(text).map(({ value, line }) => `${value}:${line}`)).toEqual(expected)
  })
})

describe('every parser, on any text, returns versions or a UserError with file and line', () => {
  const parsers: [string, (text: string) => unknown][] = [
    ['.python-version', (text) => parsePythonVersionFile(text, '.python-version')],
    ['.tool-versions', (text) => parseToolVersions(text, '.tool-versions')],
    ['runtime.txt', (text) => parseRuntimeTxt(text, 'runtime.txt')],
    ['pyproject.toml', (text) => parsePyprojectPython(text, 'pyproject.toml')],
    ['environment.yml', (text) => parseCondaPython(text, 'environment.yml')],
    ['workflow', (text) => parseWorkflowPython(text, 'ci.yml')],
    ['Dockerfile', (text) => parseDockerfilePython(text)],
  ]
  const lines = fc.array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        'python 3.11',
        'python-3.11',
        '[project]',
        'requires-python = ">=3.10"',
        '  - python=3.11',
        'python-version: 3.11',
        'FROM python:3.11',
      ),
    ),
    { maxLength: 8 },
  )
  it.each(parsers)('%s', (file, parse) => {
    fc.assert(
      fc.property(lines, (parts) => {
        try {
          parse(parts.join('\n'))
        } catch (error) {
          expect(error).toBeInstanceOf(UserError)
          expect((error as UserError).file).toBe(file === 'workflow' ? 'ci.yml' : file)
          expect((error as UserError).line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 300 },
    )
  })
})
