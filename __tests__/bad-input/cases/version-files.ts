import { expect } from '@jest/globals'
import type { BadInputCase, StageResult } from '../case.js'

const REQS = { 'requirements.txt': 'six==1.17.0\n' }
const VERSION = 'Invalid Python version'

/** The source that chooses the Python, as the project stage read it. */
const chosen = ({ project }: StageResult) => project?.pythonVersionSources.find((s) => s.usedForSelection)

/** .python-version, .tool-versions, runtime.txt and the python-version(-file) inputs. */
export const versionFileCases: BadInputCase[] = [
  {
    name: '.python-version that is not a version',
    files: { ...REQS, '.python-version': 'banana\n' },
    expected: { kind: 'error', title: VERSION, message: "'banana'", file: '.python-version', line: 1 },
    e2e: true,
  },
  {
    name: '.python-version with a leading v',
    files: { ...REQS, '.python-version': '\nv3.11\n' },
    expected: { kind: 'error', title: VERSION, file: '.python-version', line: 2, fixContains: '3.11' },
  },
  {
    name: '.python-version naming only the system Python',
    files: { ...REQS, '.python-version': 'system\n' },
    expected: { kind: 'error', title: 'Empty Python version file', file: '.python-version', line: 1 },
  },
  {
    name: '.python-version naming only a pyenv virtualenv path',
    files: { ...REQS, '.python-version': '3.11.7/envs/tools\n' },
    expected: { kind: 'error', title: 'Empty Python version file', file: '.python-version', line: 1 },
  },
  {
    name: '.python-version that is empty',
    files: { ...REQS, '.python-version': '' },
    expected: { kind: 'error', title: 'Empty Python version file', file: '.python-version', line: 1 },
  },
  {
    name: '.python-version with two versions on one line',
    files: { ...REQS, '.python-version': '3.12 3.11\n' },
    expected: {
      kind: 'ok',
      check: (r) => expect(chosen(r)).toMatchObject({ value: '3.12', specifier: '==3.12.*' }),
    },
  },
  {
    name: '.python-version with a BOM, CRLF and a comment',
    files: { ...REQS, '.python-version': '\uFEFF# team default\r\n3.11.7\r\n' },
    expected: { kind: 'ok', check: (r) => expect(chosen(r)).toMatchObject({ value: '3.11.7', line: 2 }) },
  },
  {
    name: '.python-version in UTF-16',
    files: { ...REQS, '.python-version': Buffer.from('\uFEFF3.11\n', 'utf16le') },
    expected: { kind: 'error', title: 'File is not UTF-8', file: '.python-version', fixContains: 'UTF-8' },
    e2e: true,
  },
  {
    name: '.python-version that links to itself',
    files: { ...REQS, '.python-version': { symlink: '.python-version' } },
    expected: {
      kind: 'error',
      title: 'File cannot be read',
      message: 'symbolic link loop',
      file: '.python-version',
    },
    e2e: true,
  },
  {
    name: '.python-version that is a folder',
    files: { ...REQS, '.python-version/x': '3.11' },
    expected: { kind: 'ok', check: (r) => expect(chosen(r)).toBeUndefined() },
  },
  {
    name: '.python-version with a ten-thousand-character line',
    files: { ...REQS, '.python-version': `3.${'1'.repeat(10000)}\n` },
    expected: { kind: 'error', title: VERSION, file: '.python-version', line: 1 },
  },
  {
    name: '.tool-versions with a python line and no version',
    files: { ...REQS, '.tool-versions': 'nodejs 20.11.0\npython\n' },
    expected: { kind: 'error', title: 'Invalid .tool-versions', file: '.tool-versions', line: 2 },
    e2e: true,
  },
  {
    name: '.tool-versions naming the system Python',
    files: { ...REQS, '.tool-versions': 'python system\n' },
    expected: { kind: 'error', title: VERSION, file: '.tool-versions', line: 1 },
  },
  {
    name: '.tool-versions with a ref: version',
    files: { ...REQS, '.tool-versions': '# asdf\npython ref:v3.11.7\n' },
    expected: {
      kind: 'error',
      title: VERSION,
      file: '.tool-versions',
      line: 2,
      fixContains: 'python 3.11.7',
    },
  },
  {
    name: '.tool-versions with several versions and other tools',
    files: { ...REQS, '.tool-versions': 'nodejs 20\npython 3.11.7 3.10.4 # default first\n' },
    expected: { kind: 'ok', check: (r) => expect(chosen(r)).toMatchObject({ value: '3.11.7', line: 2 }) },
  },
  {
    name: 'runtime.txt without the python- prefix',
    files: { ...REQS, 'runtime.txt': 'python3.11.7\n' },
    expected: {
      kind: 'error',
      title: 'Invalid runtime.txt',
      file: 'runtime.txt',
      line: 1,
      fixContains: 'python-3.11.7',
    },
    e2e: true,
  },
  {
    name: 'runtime.txt with only the prefix',
    files: { ...REQS, 'runtime.txt': '\n\npython-\n' },
    expected: { kind: 'error', title: 'Invalid runtime.txt', file: 'runtime.txt', line: 3 },
  },
  {
    name: 'runtime.txt that is empty',
    files: { ...REQS, 'runtime.txt': '\n \n' },
    expected: { kind: 'error', title: 'Empty runtime.txt', file: 'runtime.txt', line: 1 },
  },
  {
    name: 'runtime.txt naming something that is not a version',
    files: { ...REQS, 'runtime.txt': 'python-three\n' },
    expected: { kind: 'error', title: VERSION, file: 'runtime.txt', line: 1 },
  },
  {
    name: 'python-version-file naming a file that does not exist',
    files: REQS,
    inputs: { 'python-version-file': '.python-versions' },
    expected: {
      kind: 'error',
      title: 'Python version file not found',
      message: '.python-versions, which does not exist',
    },
    e2e: true,
  },
  {
    name: 'python-version-file naming a folder',
    files: { ...REQS, 'config/x': '' },
    inputs: { 'python-version-file': 'config' },
    expected: { kind: 'error', title: 'Python version file not found' },
  },
  {
    name: 'python-version-file naming a pyproject.toml without a Python version',
    files: { ...REQS, 'pyproject.toml': '[project]\nname = "x"\n' },
    inputs: { 'python-version-file': 'pyproject.toml' },
    expected: {
      kind: 'error',
      title: 'No Python version in file',
      file: 'pyproject.toml',
      line: 1,
      fixContains: 'requires-python',
    },
  },
  {
    name: 'python-version-file naming the requirements file',
    files: REQS,
    inputs: { 'python-version-file': 'requirements.txt' },
    expected: { kind: 'error', title: VERSION, file: 'requirements.txt', line: 1 },
  },
  {
    name: 'python-version-file naming an environment.yml without python',
    files: { ...REQS, 'env/environment.yml': 'dependencies:\n  - numpy=1.26\n' },
    inputs: { 'python-version-file': 'env/environment.yml' },
    expected: { kind: 'error', title: 'No Python version in file', file: 'env/environment.yml', line: 1 },
  },
  {
    name: 'python-version and python-version-file together',
    files: { ...REQS, '.python-version': '3.11\n' },
    inputs: { 'python-version': '3.12', 'python-version-file': '.python-version' },
    expected: {
      kind: 'warning',
      message: "Both 'python-version' (3.12) and 'python-version-file'",
      file: '.python-version',
    },
  },
]
