import type { Requirement } from './requirements.js'

export type ManagerName = 'pip'

/** Where a Python version is stated, so findings can point at it. */
export interface PythonVersionSource {
  /** The version or specifier as written, e.g. '3.11', '>=3.10,<3.13'. */
  value: string
  /** Path relative to the workspace; undefined for the action input. */
  file?: string
  line?: number
  kind: 'input' | 'python-version-file'
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
  /** Whether a pytest run would find tests (tests/ dir, test_*.py files or pytest config). */
  hasTests: boolean
}
