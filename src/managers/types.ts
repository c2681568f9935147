import type { Inputs } from '../inputs.js'
import type { Finding } from '../model/finding.js'
import type { InstalledPackage } from '../model/installed.js'
import type { Project } from '../model/project.js'
import type { PythonInstall } from '../python/find-python.js'
import type { Runner } from '../runner.js'
import type { VenvLayout } from './venv-layout.js'

/**
 * A manager's own program kept in a cache entry of its own (Poetry's venv in the tool cache),
 * keyed by tool, version, Python and platform only (src/cache/tool-entry.ts).
 */
export interface ToolEntry {
  key: string
  /** The folder the entry holds (the tool's venv, an absolute path). */
  path: string
  /** False when the tool came from the entry (or the tool cache) or the save policy says no. */
  save: boolean
  saveSkipReason?: string
}

/** The cache's store for tool entries, handed to the managers so they never import the cache stage. */
export interface ToolEntryStore {
  key(tool: string, version: string, dir: string): string
  /** True when the entry was extracted into dir (the caller checks it runs). Never throws. */
  restore(key: string, dir: string): Promise<boolean>
  /** The entry post saves; `installed` is false when it came from the cache. */
  entry(key: string, dir: string, installed: boolean): ToolEntry
}

/** The environment cache, when it is on this run (input, manager support and a cache service). */
export interface Caching {
  /**
   * The manager's download cache, a folder the action owns: the install must use it
   * (pip: PIP_CACHE_DIR) so it is stored with the env.
   */
  downloadDir: string
  tools: ToolEntryStore
}

/** The manager's own program, installed pinned (or found) in the tool cache. */
export interface ManagerTool {
  version: string
  /** Absolute path of the program (uv, poetry, conda). */
  executable: string
  /** The tool's own cache entry (Poetry's venv), when the environment cache is on. */
  cacheEntry?: ToolEntry
}

/** What a manager's tool install gets: everything the earlier stages produced. */
export interface ToolContext {
  inputs: Inputs
  runner: Runner
  project: Project
  python: PythonInstall
  venv: VenvLayout
  /** undefined when the environment cache is off. */
  caching: Caching | undefined
}

/** Everything a manager works with once its tool is installed; complete when built. */
export interface ManagerContext extends ToolContext {
  /** undefined for pip, which has no tool of its own. */
  tool: ManagerTool | undefined
}

/** The install also knows what the cache restored. */
export interface InstallContext extends ManagerContext {
  /** True on a partial cache hit: the venv holds an older lock's env, made by the action. */
  restoredVenv: boolean
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
  installTool(ctx: ToolContext): Promise<ManagerTool | undefined>
  /** The manager's own version when its tool's is not it (pip's, inside the venv); see managerVersion(). */
  version?(ctx: ManagerContext): Promise<string>
  /**
   * Creates the environment and installs the locked set; throws UserError on the user's
   * mistakes, returns findings (e.g. lock-stale) for what it reports and works around.
   */
  install(ctx: InstallContext): Promise<Finding[]>
  installedPackages(ctx: ManagerContext): Promise<InstalledPackage[]>
  /** `pip check` or the manager's equivalent; what it printed when it found problems, else ''. */
  check(ctx: ManagerContext): Promise<string>
  /** Environment cache support; the install must also make a stale restored env match the lock. */
  readonly cache?: ManagerCacheHooks
}
