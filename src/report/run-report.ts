import type { AdvisoryLookup } from '../advisories/osv-types.js'
import type { CacheOutcome } from '../cache/restore-env.js'
import type { DependencyChange } from '../drift/rules/dependency-changed.js'
import type { Finding } from '../model/finding.js'
import type { InstalledPackage } from '../model/installed.js'
import type { Project } from '../model/project.js'
import type { PythonInstall } from '../python/find-python.js'
import type { StageTiming } from '../stage.js'
import type { ImportSmokeResult } from '../verify/import-smoke.js'
import type { SmokeTestOutcome } from '../verify/smoke-test.js'

/** Everything the pipeline learned, handed to the report stage. */
export interface RunReport {
  project: Project
  python: PythonInstall
  manager: { name: string; version: string }
  venvPath: string
  /** The lock file the install followed and the sha256 of its bytes. */
  lock?: { file: string; hash: string }
  installed: InstalledPackage[]
  smokeTest: SmokeTestOutcome
  findings: Finding[]
  timings: StageTiming[]
  cache?: CacheOutcome
  importSmoke?: ImportSmokeResult
  /** On pull requests (or with base-ref): the base the lock was compared with. */
  baseRef?: string
  dependencyChanges?: DependencyChange[]
  /** What the advisory service said (vulnerable-dependency), or why it was not asked. */
  advisories?: AdvisoryLookup
  /** Absolute path of the SARIF file written. */
  sarifFile?: string
}
