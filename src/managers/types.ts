import type { Inputs } from '../inputs.js'
import type { Project } from '../project/types.js'
import type { PythonInstall } from '../python/find-python.js'
import type { VenvLayout } from './venv-layout.js'

export interface InstalledPackage {
  /** PEP 503 normalised name. */
  name: string
  version: string
}

export interface ManagerContext {
  inputs: Inputs
  project: Project
  python: PythonInstall
  venv: VenvLayout
}

/** One package manager behind one interface (DESIGN.md, stage 4). */
export interface Manager {
  readonly name: Project['manager']
  /** The manager's own version, e.g. pip's inside the venv. */
  version(ctx: ManagerContext): Promise<string>
  /** Creates the environment and installs the locked set; throws UserError on the user's mistakes. */
  install(ctx: ManagerContext): Promise<void>
  installedPackages(ctx: ManagerContext): Promise<InstalledPackage[]>
}
