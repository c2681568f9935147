import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { writeFiles } from '../../__fixtures__/file-tree.js'
import { copyExample } from './run-action.js'

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' })

/**
 * examples/monorepo as a git repository on branch `main`, with what real repositories carry
 * besides their projects: a committed .venv (whose site-packages hold packages with their own
 * pyproject.toml), a node_modules tree with a Python package inside, and a git-ignored scratch
 * project. None of them is a project of the repository.
 */
export function monorepoRepo(): string {
  const dir = copyExample('monorepo')
  writeFiles(dir, {
    '.gitignore': 'scratch/\n',
    '.venv/pyvenv.cfg': 'home = /usr/bin\nversion = 3.12.0\n',
    '.venv/lib/python3.12/site-packages/six-1.17.0.dist-info/METADATA': 'Name: six\n',
    '.venv/src/vendored/pyproject.toml': '[project]\nname = "vendored"\nversion = "1"\n',
    '.venv/src/vendored/requirements.txt': 'six==1.17.0\n',
    'node_modules/node-gyp/gyp/pyproject.toml':
      '[project]\nname = "gyp-next"\nversion = "0.16.1"\n[build-system]\nrequires = ["setuptools"]\n',
    'node_modules/node-gyp/gyp/setup.py': 'from setuptools import setup\nsetup()\n',
    'node_modules/node-gyp/package.json': '{"name": "node-gyp"}\n',
    'scratch/pyproject.toml': '[project]\nname = "scratch"\nversion = "0"\n',
    'scratch/requirements.txt': 'six\n',
  })
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '.')
  // committed on purpose, as some repositories do: a .gitignore rule added later does not untrack it
  git(dir, 'add', '-f', '.venv')
  git(dir, 'commit', '-qm', 'base')
  return dir
}

/** A branch off `main` with `files` written (or deleted when the text is null) and committed. */
export function branchWith(dir: string, branch: string, files: Record<string, string | null>): void {
  git(dir, 'checkout', '-q', 'main')
  git(dir, 'checkout', '-qb', branch)
  for (const [file, text] of Object.entries(files)) {
    if (text === null) fs.rmSync(path.join(dir, file))
    else writeFiles(dir, { [file]: text })
  }
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', `change on ${branch}`)
}

export interface ProjectEntry {
  'working-directory': string
  manager: string
  'python-version': string
  'lock-file': string
  reason: string
  package?: string
}

/** The `projects` output of a discover run. */
export function projectsOf(outputs: Record<string, string>): ProjectEntry[] {
  return JSON.parse(outputs.projects ?? 'null') as ProjectEntry[]
}
