import * as fs from 'node:fs'
import * as path from 'node:path'
import { processEnv, runCommand } from '../exec.js'
import type { RequirementsFile } from '../model/project.js'
import { downloadCacheDirs } from './cache-hook-parts.js'
import type { ManagerCacheHooks, ManagerContext } from './types.js'
import { venvEnv } from './venv-layout.js'

/**
 * pip's side of the environment cache. pip keeps downloaded wheels in its HTTP cache and wheels
 * it built from sdists in `wheels/`; only the built ones are worth storing (PyPI is faster
 * than the cache service for the rest), so the prune drops the HTTP cache.
 */
export const pipCacheHooks: ManagerCacheHooks = {
  async toolVersion(ctx) {
    // The pip a new venv gets is the one ensurepip bundles with this interpreter.
    const result = await runCommand(
      ctx.python.executable,
      ['-c', 'import ensurepip; print(ensurepip.version())'],
      {
        silent: true,
      },
    )
    return result.exitCode === 0 ? result.stdout.trim() : 'unknown'
  },

  keyFiles(ctx) {
    const files = ctx.project.requirementsFiles.flatMap(filesOf)
    const installable = ctx.project.installable
    if (installable) files.push(path.join(ctx.project.workspace, installable.file))
    return [...new Set(files)]
  },

  keyExtras() {
    return []
  },

  cacheDirs: downloadCacheDirs,

  async pruneCache(prune) {
    for (const dir of prune.cacheDirs) {
      for (const name of ['http', 'http-v2', 'selfcheck']) {
        fs.rmSync(path.join(dir, name), { recursive: true, force: true })
      }
    }
  },

  async checkEnv(ctx: ManagerContext) {
    const result = await runCommand(ctx.venv.python, ['-m', 'pip', 'check'], {
      silent: true,
      env: processEnv(venvEnv(ctx.venv, process.env.PATH ?? '')),
    })
    return result.exitCode === 0 ? undefined : `pip check: ${(result.stdout || result.stderr).trim()}`
  },
}

function filesOf(file: RequirementsFile): string[] {
  return [file.path, ...file.included.flatMap(filesOf), ...file.constraints.flatMap(filesOf)]
}
