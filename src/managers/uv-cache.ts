import * as path from 'node:path'
import { processEnv, runCommand } from '../exec.js'
import { downloadCacheDirs, existingFiles, installedToolVersion } from './cache-hook-parts.js'
import { uvSyncArgs } from './sync-args.js'
import type { ManagerCacheHooks } from './types.js'

/**
 * uv's side of the environment cache. The key covers the lock and every pyproject.toml `uv sync
 * --locked` compares it with (so an exact hit can never hide a stale lock); the download cache
 * is pruned with `uv cache prune --ci`, which keeps the wheels uv built and drops the ones it
 * can download again.
 */
export const uvCacheHooks: ManagerCacheHooks = {
  toolVersion: installedToolVersion,

  keyFiles(ctx) {
    const { project } = ctx
    const files = [
      project.lockPath ?? path.join(project.root, 'uv.lock'),
      path.join(project.root, 'pyproject.toml'),
      path.join(project.root, 'uv.toml'),
    ]
    if (project.installRoot && project.installRoot !== project.root) {
      files.push(path.join(project.installRoot, 'pyproject.toml'))
    }
    return existingFiles(files)
  },

  keyExtras(ctx) {
    return uvSyncArgs(ctx)
  },

  cacheDirs: downloadCacheDirs,

  toolPath(ctx) {
    return ctx.tool?.executable
  },

  async pruneCache(prune) {
    if (!prune.toolPath) return
    for (const dir of prune.cacheDirs) {
      await runCommand(prune.toolPath, ['cache', 'prune', '--ci'], {
        env: processEnv({ UV_CACHE_DIR: dir, UV_NO_PROGRESS: '1' }),
      })
    }
  },

  async checkEnv(ctx) {
    const program = ctx.tool?.executable ?? 'uv'
    const result = await runCommand(program, ['pip', 'check', '--python', ctx.venv.python], {
      silent: true,
      env: processEnv({ UV_NO_PROGRESS: '1', UV_PYTHON_DOWNLOADS: 'never' }),
    })
    return result.exitCode === 0 ? undefined : `uv pip check: ${(result.stdout || result.stderr).trim()}`
  },
}
