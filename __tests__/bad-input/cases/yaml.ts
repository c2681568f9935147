import { expect } from '@jest/globals'
import type { BadInputCase } from '../case.js'

const REQS = { 'requirements.txt': 'six==1.17.0\n' }
const YAML = 'Invalid YAML'
const workflow = (body: string | Buffer) => ({ ...REQS, '.github/workflows/ci.yml': body })
const precommit = (body: string | Buffer) => ({ ...REQS, '.pre-commit-config.yaml': body })
const workflowVersions = (project: { pythonVersionSources: { kind: string; value: string }[] } | undefined) =>
  project?.pythonVersionSources.filter((s) => s.kind === 'workflow').map((s) => s.value)

/** environment.yml / conda.yml, .pre-commit-config.yaml and .github/workflows/*.yml. */
export const yamlCases: BadInputCase[] = [
  {
    name: 'environment.yml indented with a tab',
    files: { 'environment.yml': 'name: x\ndependencies:\n\t- python=3.11\n' },
    expected: { kind: 'error', title: YAML, file: 'environment.yml', line: 3, fixContains: 'line 3' },
    e2e: true,
  },
  {
    name: 'environment.yml cut inside a flow list',
    files: { 'environment.yml': 'name: x\ndependencies: [python=3.11, numpy' },
    expected: { kind: 'error', title: YAML, file: 'environment.yml', line: 2 },
  },
  {
    name: 'conda.yml with a duplicate key',
    files: { 'conda.yml': 'name: x\nname: y\ndependencies:\n  - python=3.11\n' },
    expected: { kind: 'error', title: YAML, file: 'conda.yml', line: 2 },
  },
  {
    name: 'environment.yml pinning a python that is not a version',
    files: { 'environment.yml': 'dependencies:\n  - pip\n  - python=three\n' },
    expected: {
      kind: 'error',
      title: 'Invalid Python version',
      file: 'environment.yml',
      line: 3,
      fixContains: 'python=3.11',
    },
    e2e: true,
  },
  {
    name: 'environment.yml nested ten thousand lists deep',
    files: { 'environment.yml': `dependencies: ${'['.repeat(10000)}${']'.repeat(10000)}\n` },
    expected: { kind: 'error', title: YAML, file: 'environment.yml', line: 1 },
  },
  {
    name: 'environment.yml whose dependencies are a string',
    files: { 'environment.yml': 'name: x\ndependencies: python=3.11\n' },
    expected: { kind: 'ok', check: ({ project }) => expect(project?.manager).toBe('conda') },
  },
  {
    name: 'environment.yml that is only a comment',
    files: { 'environment.yml': '# to do\n' },
    expected: { kind: 'ok', check: ({ project }) => expect(project?.manager).toBe('conda') },
  },
  {
    name: 'environment.yml with python=3.11 and a build string',
    files: { 'environment.yml': 'dependencies:\n  - conda-forge::python=3.11.7=h955ad1f_0\n' },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.pythonVersionSources[0]).toMatchObject({ value: '3.11.7', line: 2 }),
    },
  },
  {
    name: 'environment.yml with an unpinned package',
    stage: 'drift',
    files: { 'environment.yml': 'dependencies:\n  - python=3.11\n  - numpy\n' },
    expected: { kind: 'finding', rule: 'conda-unpinned', file: 'environment.yml', line: 3, exitCode: 0 },
  },
  {
    name: 'environment.yml with an alias bomb',
    files: {
      'environment.yml': `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\ndependencies:\n  - python=3.11\n`,
    },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.pythonVersionSources[0]?.value).toBe('3.11'),
    },
  },
  {
    name: '.pre-commit-config.yaml with invalid YAML',
    stage: 'drift',
    files: precommit('repos:\n  - repo: https://github.com/psf/black\n    rev: [24.1.0\n'),
    expected: {
      kind: 'warning',
      message: 'Drift checks skip .pre-commit-config.yaml',
      file: '.pre-commit-config.yaml',
      line: 4,
    },
  },
  {
    name: '.pre-commit-config.yaml whose repos is a map',
    stage: 'drift',
    files: precommit('repos:\n  black: 24.1.0\n'),
    expected: { kind: 'ok' },
  },
  {
    name: '.pre-commit-config.yaml with a numeric rev and no hooks',
    stage: 'drift',
    files: precommit('repos:\n  - repo: https://github.com/psf/black\n    rev: 24.1\n  - repo: local\n'),
    expected: { kind: 'ok' },
  },
  {
    name: '.pre-commit-config.yaml that is not UTF-8',
    stage: 'drift',
    files: precommit(Buffer.from('# caf\xe9\nrepos: []\n', 'latin1')),
    expected: { kind: 'ok' },
  },
  {
    name: 'a pre-commit hook rev that disagrees with the lock',
    stage: 'drift',
    files: {
      'requirements.txt': 'black==24.1.0\n',
      '.pre-commit-config.yaml':
        'repos:\n  - repo: https://github.com/psf/black\n    rev: 23.12.1\n    hooks:\n      - id: black\n',
    },
    expected: {
      kind: 'finding',
      rule: 'precommit-rev-mismatch',
      file: '.pre-commit-config.yaml',
      line: 3,
      exitCode: 0,
    },
  },
  {
    name: 'a workflow with invalid YAML',
    files: workflow('jobs:\n  test:\n    steps: [\n'),
    expected: { kind: 'ok', check: ({ project }) => expect(workflowVersions(project)).toEqual([]) },
  },
  {
    name: 'a workflow with python-version written as a float',
    files: workflow(
      'jobs:\n  t:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: 3.10\n',
    ),
    expected: { kind: 'ok', check: ({ project }) => expect(workflowVersions(project)).toEqual(['3.10']) },
  },
  {
    name: 'a workflow matrix mixing strings, numbers and expressions',
    files: workflow(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template
      'jobs:\n  t:\n    strategy:\n      matrix:\n        python-version: ["3.11", 3.12, "${{ inputs.py }}", pypy3.10, latest]\n',
    ),
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(workflowVersions(project)).toEqual(['3.11', '3.12', 'pypy3.10']),
    },
  },
  {
    name: 'a workflow that is not UTF-8',
    files: workflow(Buffer.from([0x6a, 0x6f, 0x62, 0x73, 0x3a, 0x20, 0xff, 0x0a])),
    expected: {
      kind: 'warning',
      message: 'is not valid UTF-8 text. It is skipped',
      file: '.github/workflows/ci.yml',
    },
  },
  {
    name: 'a workflow that links to itself',
    files: { ...REQS, '.github/workflows/ci.yml': { symlink: 'ci.yml' } },
    expected: { kind: 'warning', message: 'symbolic link loop', file: '.github/workflows/ci.yml' },
  },
  {
    name: 'a workflow whose python-version disagrees with .python-version',
    stage: 'drift',
    files: {
      ...workflow('jobs:\n  t:\n    steps:\n      - with:\n          python-version: "3.9"\n'),
      '.python-version': '3.12\n',
    },
    expected: {
      kind: 'finding',
      rule: 'python-version-mismatch',
      file: '.github/workflows/ci.yml',
      line: 5,
      exitCode: 0,
    },
  },
]
