import type { Requirement } from './requirements.js'

export type ManagerName = 'pip'

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
  /** Whether a pytest run would find tests (tests/ dir, test_*.py files or pytest config). */
  hasTests: boolean
}
