import * as fs from 'node:fs'
import * as path from 'node:path'
import { downloadCacheDirs, existingFiles, installedToolVersion } from './cache-hook-parts.js'
import { pipCacheHooks } from './pip-cache.js'
import { poetrySyncArgs } from './sync-args.js'
import type { ManagerCacheHooks } from './types.js'

/**
 * Poetry's side of the environment cache. The key covers poetry.lock and pyproject.toml (what
 * `poetry check --lock` compares); the prune drops poetry's HTTP/repository cache and keeps
 * the downloaded artifacts, which is what a partial hit installs from.
 */
export const poetryCacheHooks: ManagerCacheHooks = {
  toolVersion: installedToolVersion,

  keyFiles(ctx) {
    const { project } = ctx
    const files = [
      project.lockPath ?? path.join(project.root, 'poetry.lock'),
      path.join(project.root, 'pyproject.toml'),
    ]
    return existingFiles(files)
  },

  keyExtras(ctx) {
    return poetrySyncArgs(ctx)
  },

  cacheDirs: downloadCacheDirs,

  async pruneCache(prune) {
    for (const dir of prune.cacheDirs) fs.rmSync(path.join(dir, 'cache'), { recursive: true, force: true })
  },

  checkEnv: (ctx) => pipCacheHooks.checkEnv(ctx),
}
