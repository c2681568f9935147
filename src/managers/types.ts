import type { Finding } from '../drift/finding.js'
import type { Inputs } from '../inputs.js'
import type { Project } from '../project/types.js'
import type { PythonInstall } from '../python/find-python.js'
import type { VenvLayout } from './venv-layout.js'

export interface InstalledPackage {
  /** PEP 503 normalised name. */
  name: string
  version: string
}

/** The manager's own program, installed pinned (or found) in the tool cache. */
export interface ManagerTool {
  version: string
  /** Absolute path of the program (uv, poetry, conda). */
  executable: string
}

export interface ManagerContext {
  inputs: Inputs
  project: Project
  python: PythonInstall
  venv: VenvLayout
  /** Set by main after installTool(). */
  tool?: ManagerTool
}

/** One package manager behind one interface (DESIGN.md, stage 4). */
export interface Manager {
  readonly name: Project['manager']
  /** Installs the pinned manager into the tool cache (or reuses it); undefined for pip. */
  installTool(ctx: ManagerContext): Promise<ManagerTool | undefined>
  /** The manager's own version, e.g. pip's inside the venv. */
  version(ctx: ManagerContext): Promise<string>
  /**
   * Creates the environment and installs the locked set; throws UserError on the user's
   * mistakes, returns findings (e.g. lock-stale) for what it reports and works around.
   */
  install(ctx: ManagerContext): Promise<Finding[]>
  installedPackages(ctx: ManagerContext): Promise<InstalledPackage[]>
  /** `pip check` or the manager's equivalent; what it printed when it found problems, else ''. */
  check(ctx: ManagerContext): Promise<string>
  /** The manager's download caches, for the cache stage to save and restore. */
  cacheDirs(ctx: ManagerContext): string[]
  /** Shrinks the download caches before they are saved (e.g. `uv cache prune --ci`). */
  prune(ctx: ManagerContext): Promise<void>
}
