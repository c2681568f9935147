import type { Finding } from './finding.js'
import type { LockFile } from './lock.js'
import type { Requirement } from './requirement.js'

export type ManagerName = 'pip' | 'uv' | 'poetry' | 'conda'

/** Every kind of place a project states its Python (docs/python-version.md lists them). */
export type PythonVersionSourceKind =
  | 'input'
  | 'python-version-file'
  | 'tool-versions'
  | 'runtime-txt'
  | 'conda'
  | 'requires-python'
  | 'poetry'
  | 'workflow'
  | 'dockerfile'
  | 'mypy'
  | 'black'
  | 'ruff'

/** Where a Python version is stated, so findings can point at it. */
export interface PythonVersionSource {
  /**
   * The version or specifier without the source's own wrapping, e.g. '3.11', '>=3.10,<3.13',
   * '^3.11' (poetry); '3.11' for `FROM python:3.11-slim`, `py311` and `python-3.11`.
   */
  value: string
  /** The same as a PEP 440 specifier, e.g. '==3.11.*', '>=3.10,<3.13', for comparing sources. */
  specifier: string
  /** Path relative to the workspace; undefined for the action input. */
  file?: string
  line?: number
  kind: PythonVersionSourceKind
  /** False for sources only compared for drift (workflows, Dockerfiles, tool configs). */
  usedForSelection: boolean
}

export interface RequirementsFile {
  /** Absolute path. */
  path: string
  /** Path relative to the workspace, for findings. */
  file: string
  requirements: Requirement[]
  /** Files this one includes with -r, already read (cycles are refused). */
  included: RequirementsFile[]
  /** -c constraint files, already read. */
  constraints: RequirementsFile[]
}

/** A local package that pip installs editable after the requirements. */
export interface InstallableProject {
  kind: 'setup.py' | 'setup.cfg' | 'pyproject.toml'
  /** Path relative to the workspace. */
  file: string
}

export interface Project {
  /** Absolute path of the repository checkout. */
  workspace: string
  /** Absolute path of the project directory (working-directory). */
  root: string
  manager: ManagerName
  requirementsFiles: RequirementsFile[]
  installable?: InstallableProject
  pythonVersionSources: PythonVersionSource[]
  /** Why detection chose the manager, for the log (e.g. "uv.lock found"). */
  managerReason?: string
  /** Absolute folder the manager installs from: a uv workspace root for a member, else root. */
  installRoot?: string
  /** The parsed lock the install follows (uv.lock, poetry.lock or the pinned requirements). */
  lock?: LockFile
  /** Absolute path of the lock file, when there is one. */
  lockPath?: string
  /** conda: absolute path of the environment file and the manager used inside the env. */
  condaFile?: string
  condaInner?: 'uv' | 'poetry' | 'pip'
  /** pyproject.toml of root, parsed ({} when absent). */
  pyproject?: Record<string, unknown>
  /** Findings made while reading the project (e.g. lock-missing). */
  findings?: Finding[]
  /** Whether a pytest run would find tests (tests/ dir, test_*.py files or pytest config). */
  hasTests: boolean
}
