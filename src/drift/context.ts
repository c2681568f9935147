import type { AdvisoryLookup } from '../advisories/osv-types.js'
import type { InstalledPackage } from '../model/installed.js'
import type { LockFile } from '../model/lock.js'
import type { Project, PythonVersionSource } from '../model/project.js'
import type { CondaEnvironment } from '../project/parsers/conda-env.js'
import type { Dockerfile } from '../project/parsers/dockerfile.js'
import type { Manifest } from '../project/parsers/manifest.js'
import type { PreCommitConfig } from '../project/parsers/precommit.js'
import type { ImportFailure } from '../verify/import-smoke.js'
import type { PipCheckProblem } from '../verify/pip-check.js'
import type { SmokeTestOutcome } from '../verify/smoke-test.js'

/**
 * Everything the rules look at, already read and parsed: rules are pure functions of this, so
 * they are tested with constructed contexts and run in milliseconds on big locks.
 */
export interface DriftContext {
  project: Pick<Project, 'workspace' | 'root' | 'manager' | 'requirementsFiles' | 'installable'>
  /** The project's own distribution name (it is installed but never locked). */
  projectName?: string
  /** Locks of the project (uv.lock, poetry.lock, requirements-lock.txt…). */
  locks: LockFile[]
  /** What the manifest (pyproject.toml, requirements.in) asks for, when there is one. */
  manifests: Manifest[]
  pythonSources: PythonVersionSource[]
  /** The Python that was used, e.g. '3.11.7'. */
  pythonVersion?: string
  /** Installed packages; undefined when install did not run. */
  installed?: InstalledPackage[]
  /** Versions of the tools that installed, e.g. { uv: '0.13.9' }. */
  toolVersions: Record<string, string>
  /** What the manager's own freshness check said, e.g. `uv lock --check`. */
  lockCheck?: { stale: boolean; file: string; line?: number; message: string; fix: string }
  pipCheck?: PipCheckProblem[]
  importFailures?: ImportFailure[]
  smokeTest?: SmokeTestOutcome
  dockerfiles: Dockerfile[]
  preCommit?: PreCommitConfig
  condaEnvironments: CondaEnvironment[]
  /** The pull request's base revision, when there is one. */
  base?: BaseRevision
  /** What the advisory service said about the installed/locked versions (src/advisories/). */
  advisories?: AdvisoryLookup
}

export interface BaseRevision {
  /** Commit id or ref the files were read at. */
  ref: string
  locks: LockFile[]
  /** The manifests as they were in the base revision (same files as DriftContext.manifests). */
  manifests: Manifest[]
  /** Files of the head revision (paths relative to the workspace) that differ from base. */
  changedFiles: string[]
}
