import type { ToolEntry } from '../cache/tool-entry.js'
import type { Inputs } from '../inputs.js'
import type { Finding } from '../model/finding.js'
import type { InstalledPackage } from '../model/installed.js'
import type { Project } from '../model/project.js'
import type { PythonInstall } from '../python/find-python.js'
import type { VenvLayout } from './venv-layout.js'

/** The manager's own program, installed pinned (or found) in the tool cache. */
export interface ManagerTool {
  version: string
  /** Absolute path of the program (uv, poetry, conda). */
  executable: string
  /** The tool's own cache entry (Poetry's venv), when the environment cache is on. */
  cacheEntry?: ToolEntry
}

export interface ManagerContext {
  inputs: Inputs
  project: Project
  python: PythonInstall
  venv: VenvLayout
  /** Set by main after installTool(). */
  tool?: ManagerTool
  /**
   * The manager's download cache, a folder the action owns (set only when the environment
   * cache is on): the install must use it (pip: PIP_CACHE_DIR) so it is stored with the env.
   */
  downloadCacheDir?: string
  /** Set by main on a partial cache hit: the venv holds an older lock's env, made by the action. */
  restoredVenv?: boolean
}

/** What the post step knows when it prunes: no project or interpreter, just paths. */
export interface PruneContext {
  cacheDirs: string[]
  /** The manager's program, for managers that prune by command (`uv cache prune --ci`). */
  toolPath?: string
}

/**
 * How the environment cache (src/cache/) keys, stores and prunes one manager's state.
 * A manager without it is installed without caching.
 * Poetry's own tool venv is a separate entry under its own key (src/cache/tool-entry.ts).
 */
export interface ManagerCacheHooks {
  /** The manager version the install will use, known before it runs (it is part of the key). */
  toolVersion(ctx: ManagerContext): Promise<string>
  /** Absolute paths of the files that decide the env: lock, manifest, requirements. */
  keyFiles(ctx: ManagerContext): string[]
  /** Groups, extras and options that change what is installed. */
  keyExtras(ctx: ManagerContext): string[]
  /** Download-cache folders stored next to the env (absolute). */
  cacheDirs(ctx: ManagerContext): string[]
  toolPath?(ctx: ManagerContext): string | undefined
  /** Drops what is cheaper to download again than to store (run in post, before the save). */
  pruneCache(prune: PruneContext): Promise<void>
  /** Checks a restored env is consistent; returns what is wrong, or undefined when it is fine. */
  checkEnv(ctx: ManagerContext): Promise<string | undefined>
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
  /** Environment cache support; the install must also make a stale restored env match the lock. */
  readonly cache?: ManagerCacheHooks
}
