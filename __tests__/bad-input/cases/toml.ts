import { expect } from '@jest/globals'
import type { BadInputCase } from '../case.js'

const PROJECT = '[project]\nname = "demo"\nversion = "0.1.0"\n'
const TOML = 'Invalid TOML'
const VERSION = 'Invalid Python version'

/** pyproject.toml and uv.toml: TOML syntax, and values of the wrong type. */
export const tomlCases: BadInputCase[] = [
  {
    name: 'pyproject.toml with a duplicate key',
    files: { 'pyproject.toml': '[project]\nname = "a"\nname = "b"\n' },
    expected: { kind: 'error', title: TOML, file: 'pyproject.toml', line: 3, fixContains: 'line 3' },
    e2e: true,
  },
  {
    name: 'pyproject.toml with a table defined twice',
    files: { 'pyproject.toml': '[project]\nname = "a"\n\n[project]\nversion = "1"\n' },
    expected: { kind: 'error', title: TOML, file: 'pyproject.toml', line: 4 },
  },
  {
    name: 'pyproject.toml with an unterminated string',
    files: { 'pyproject.toml': '[project]\nname = "demo\nversion = "1"\n' },
    expected: { kind: 'error', title: TOML, file: 'pyproject.toml', line: 2 },
    e2e: true,
  },
  {
    name: 'pyproject.toml with an invalid escape',
    files: { 'pyproject.toml': '[project]\nname = "de\\qmo"\n' },
    expected: { kind: 'error', title: TOML, file: 'pyproject.toml', line: 2 },
  },
  {
    name: 'pyproject.toml cut in the middle of a table header',
    files: { 'pyproject.toml': `${PROJECT}\n[tool.pyt` },
    expected: { kind: 'error', title: TOML, file: 'pyproject.toml', line: 5 },
  },
  {
    name: 'pyproject.toml with git conflict markers',
    files: { 'pyproject.toml': `${PROJECT}<<<<<<< HEAD\ndependencies = ["six"]\n=======\n>>>>>>> main\n` },
    expected: { kind: 'error', title: TOML, file: 'pyproject.toml', line: 4 },
  },
  {
    name: 'pyproject.toml nested ten thousand arrays deep',
    files: { 'pyproject.toml': `${PROJECT}x = ${'['.repeat(10000)}${']'.repeat(10000)}\n` },
    expected: { kind: 'error', title: TOML, file: 'pyproject.toml', line: 4 },
  },
  {
    name: 'requires-python written as a number',
    files: { 'pyproject.toml': `${PROJECT}requires-python = 3.11\n` },
    expected: { kind: 'error', title: VERSION, file: 'pyproject.toml', line: 4, fixContains: '">=3.10"' },
    e2e: true,
  },
  {
    name: 'requires-python that is not a version',
    files: { 'pyproject.toml': `${PROJECT}requires-python = "latest"\n` },
    expected: {
      kind: 'error',
      title: VERSION,
      message: "'latest' is not a Python version",
      file: 'pyproject.toml',
      line: 4,
    },
  },
  {
    name: 'requires-python that is empty',
    files: { 'pyproject.toml': `${PROJECT}requires-python = ""\n` },
    expected: { kind: 'error', title: VERSION, file: 'pyproject.toml', line: 4 },
  },
  {
    name: 'a poetry python constraint as an inline table without a string',
    files: {
      'pyproject.toml': '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = { version = 3 }\n',
    },
    expected: {
      kind: 'error',
      title: VERSION,
      message: "'python' must be a string",
      file: 'pyproject.toml',
      line: 4,
    },
  },
  {
    name: 'a poetry python constraint that is not a version',
    files: { 'pyproject.toml': '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = "^three"\n' },
    expected: { kind: 'error', title: VERSION, file: 'pyproject.toml', line: 4, fixContains: '^3.11' },
  },
  {
    name: 'an empty pyproject.toml and nothing else',
    files: { 'pyproject.toml': '' },
    expected: {
      kind: 'error',
      title: 'No Python project found',
      message: 'neither a [project] nor a [build-system]',
      file: 'pyproject.toml',
      line: 1,
    },
    e2e: true,
  },
  {
    name: 'pyproject.toml with only tool settings',
    files: { 'pyproject.toml': '[tool.black]\nline-length = 100\n' },
    expected: { kind: 'error', title: 'No Python project found', file: 'pyproject.toml', line: 1 },
  },
  {
    name: 'pyproject.toml that is a folder',
    files: { 'pyproject.toml/x': '' },
    expected: {
      kind: 'error',
      title: 'File cannot be read',
      message: 'it is a directory',
      file: 'pyproject.toml',
    },
  },
  {
    name: 'pyproject.toml that links to itself',
    files: { 'pyproject.toml': { symlink: 'pyproject.toml' } },
    expected: {
      kind: 'error',
      title: 'File cannot be read',
      message: 'symbolic link loop',
      file: 'pyproject.toml',
    },
    e2e: true,
  },
  {
    name: 'mypy python_version written as a float',
    files: { 'pyproject.toml': `${PROJECT}requires-python = ">=3.10"\n[tool.mypy]\npython_version = 3.10\n` },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.pythonVersionSources.find((s) => s.kind === 'mypy')).toMatchObject({
          value: '3.10',
          line: 6,
        }),
    },
  },
  {
    name: 'ruff target-version that is not a py3X name',
    files: { 'pyproject.toml': `${PROJECT}[tool.ruff]\ntarget-version = "python3"\n` },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.pythonVersionSources.some((s) => s.kind === 'ruff')).toBe(false),
    },
  },
  {
    name: 'uv.toml with invalid TOML',
    stage: 'uv-version',
    files: { 'pyproject.toml': PROJECT, 'uv.lock': 'version = 1\n', 'uv.toml': 'required-version = \n' },
    expected: { kind: 'error', title: TOML, file: 'uv.toml', line: 1 },
  },
  {
    name: 'uv.toml required-version that excludes the default uv',
    stage: 'uv-version',
    files: {
      'pyproject.toml': PROJECT,
      'uv.lock': 'version = 1\n',
      'uv.toml': '# pinned\nrequired-version = ">=99"\n',
    },
    expected: {
      kind: 'error',
      title: 'uv version not pinned',
      file: 'uv.toml',
      line: 2,
      fixContains: 'uv-version',
    },
  },
  {
    name: 'uv.toml required-version written as a number',
    stage: 'uv-version',
    files: { 'pyproject.toml': PROJECT, 'uv.lock': 'version = 1\n', 'uv.toml': 'required-version = 0.13\n' },
    expected: { kind: 'error', title: 'Invalid required-version', file: 'uv.toml', line: 1 },
  },
  {
    name: '[tool.uv] required-version that is not a specifier',
    stage: 'uv-version',
    files: {
      'pyproject.toml': `${PROJECT}[tool.uv]\nrequired-version = "soon"\n`,
      'uv.lock': 'version = 1\n',
    },
    expected: { kind: 'error', title: 'uv version not pinned', file: 'pyproject.toml', line: 5 },
  },
  {
    name: 'uv.toml with an exact required-version',
    stage: 'uv-version',
    files: {
      'pyproject.toml': PROJECT,
      'uv.lock': 'version = 1\n',
      'uv.toml': 'required-version = "==0.12.1"\n',
    },
    expected: { kind: 'ok', check: ({ uvVersion }) => expect(uvVersion).toBe('0.12.1') },
  },
]
