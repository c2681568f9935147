import { expect } from '@jest/globals'
import type { BadInputCase } from '../case.js'

const PROJECT = '[project]\nname = "demo"\nversion = "0.1.0"\n'
const UV_LOCK = 'version = 1\n[[package]]\nname = "six"\nversion = "1.17.0"\n'
const POETRY_LOCK = '[[package]]\nname = "six"\nversion = "1.17.0"\n'

/** Files and inputs that disagree about the manager, and repositories with nothing in them. */
export const conflictCases: BadInputCase[] = [
  {
    name: 'an empty repository',
    files: {},
    expected: {
      kind: 'error',
      title: 'No Python project found',
      message: 'No requirements-lock.txt, requirements.txt',
    },
    e2e: true,
  },
  {
    name: 'a repository with only a README',
    files: { 'README.md': '# hello\n' },
    expected: { kind: 'error', title: 'No Python project found', fixContains: 'working-directory' },
  },
  {
    name: 'both uv.lock and poetry.lock without manager:',
    files: { 'pyproject.toml': PROJECT, 'uv.lock': UV_LOCK, 'poetry.lock': POETRY_LOCK },
    expected: {
      kind: 'error',
      title: 'Two lock files: uv.lock and poetry.lock',
      file: 'uv.lock',
      fixContains: "'manager: uv' or 'manager: poetry'",
    },
    e2e: true,
  },
  {
    name: 'both uv.lock and poetry.lock with manager: poetry',
    files: { 'pyproject.toml': PROJECT, 'uv.lock': UV_LOCK, 'poetry.lock': POETRY_LOCK },
    inputs: { manager: 'poetry' },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect([project?.manager, project?.lock?.file]).toEqual(['poetry', 'poetry.lock']),
    },
  },
  {
    name: 'manager: uv without uv.lock',
    files: { 'pyproject.toml': PROJECT },
    inputs: { manager: 'uv' },
    expected: { kind: 'error', title: 'No uv project', message: 'has no uv.lock', fixContains: 'uv lock' },
    e2e: true,
  },
  {
    name: 'manager: conda without an environment file',
    files: { 'requirements.txt': 'six\n' },
    inputs: { manager: 'conda' },
    expected: { kind: 'error', title: 'No conda project', fixContains: 'conda env export' },
  },
  {
    name: 'manager: poetry in a requirements-only repository',
    files: { 'requirements.txt': 'six\n' },
    inputs: { manager: 'poetry' },
    expected: { kind: 'error', title: 'No poetry project', fixContains: 'poetry init' },
  },
  {
    name: 'manager: pip with a uv.lock next to requirements.txt',
    files: { 'pyproject.toml': PROJECT, 'uv.lock': UV_LOCK, 'requirements.txt': 'six==1.17.0\n' },
    inputs: { manager: 'pip' },
    expected: { kind: 'ok', check: ({ project }) => expect(project?.lock?.kind).toBe('requirements') },
  },
  {
    name: 'environment.yml next to uv.lock (the conda + uv hybrid)',
    files: {
      'environment.yml': 'dependencies:\n  - python=3.11\n',
      'pyproject.toml': PROJECT,
      'uv.lock': UV_LOCK,
    },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect([project?.manager, project?.condaInner]).toEqual(['conda', 'uv']),
    },
  },
  {
    name: 'a setup.py and no lock file',
    files: { 'setup.py': 'from setuptools import setup\nsetup(name="demo")\n' },
    expected: {
      kind: 'finding',
      rule: 'lock-missing',
      file: 'setup.py',
      exitCode: 0,
      fixContains: 'requirements-lock.txt',
    },
  },
  {
    name: '.python-version and requires-python that exclude each other, made an error by rules:',
    stage: 'drift',
    files: {
      'requirements.txt': 'six==1.17.0\n',
      '.python-version': '3.9\n',
      'pyproject.toml': `${PROJECT}requires-python = ">=3.11"\n`,
    },
    inputs: { rules: 'python-version-mismatch=error' },
    expected: {
      kind: 'finding',
      rule: 'python-version-mismatch',
      file: 'pyproject.toml',
      line: 4,
      exitCode: 1,
    },
  },
]
