import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { isUserError } from '../errors.js'
import type { Manager, ManagerCacheHooks, ManagerContext } from '../managers/types.js'
import { OWNER_MARKER } from '../managers/venv.js'
import { cacheKeys, osKeyPart } from './key.js'
import { readKeyFiles } from './key-files.js'
import { decideSave } from './save-policy.js'
import { restoreEntry } from './service.js'
import { validateRestoredEnv } from './validate-env.js'

/** What the restore found; main reports it and hands it to post through state. */
export interface CacheOutcome {
  /** 'off': no caching this run (see reason). 'exact' means the install is skipped. */
  hit: 'exact' | 'partial' | 'miss' | 'off'
  reason?: string
  key?: string
  matchedKey?: string
  /** The folders the entry holds: the venv, then the download caches. */
  paths: string[]
  /** Whether post should save (already false on an exact hit). */
  save: boolean
  saveSkipReason?: string
}

/**
 * Restores the ready env (exact hit, validated) or at least the download cache (partial hit).
 * Whatever happens, the venv path afterwards is either a valid env (exact) or something the
 * install replaces; a failed or partial extraction never survives.
 */
export async function restoreEnvironment(ctx: ManagerContext, manager: Manager): Promise<CacheOutcome> {
  const touched: string[] = []
  try {
    return await restore(ctx, manager, touched)
  } catch (error) {
    // Caching only ever speeds a run up: an unexpected failure here means installing without it.
    core.warning(
      `Cache restore failed (${error instanceof Error ? error.message : String(error)}); installing without the cache.`,
      isUserError(error) ? { title: error.title, file: error.file } : undefined,
    )
    clearPaths(touched)
    return { hit: 'off', reason: 'the restore failed', paths: [], save: false }
  }
}

async function restore(ctx: ManagerContext, manager: Manager, touched: string[]): Promise<CacheOutcome> {
  const off = (reason: string): CacheOutcome => {
    core.info(`Cache: off (${reason}).`)
    return { hit: 'off', reason, paths: [], save: false }
  }
  const hooks = manager.cache
  if (!ctx.inputs.cache) return off("input 'cache' is false")
  if (!hooks) return off(`the ${manager.name} manager does not support caching yet`)
  if (!ctx.caching) return off('this job has no cache service (ACTIONS_RESULTS_URL is not set)')
  if (venvIsForeign(ctx.venv.root))
    return off(`${ctx.venv.root} exists and was not created by setup-python-env`)

  const { key, restoreKeys } = await keysFor(ctx, manager.name, hooks)
  const paths = [ctx.venv.root, ...hooks.cacheDirs(ctx)]
  core.info(`Cache key: ${key}`)
  const decision = decideSave(ctx.inputs.cacheSave, ctx.runner.event.name, ctx.runner.ref)
  const outcome = (hit: CacheOutcome['hit'], matchedKey?: string): CacheOutcome => ({
    hit,
    key,
    matchedKey,
    paths,
    save: hit !== 'exact' && decision.save,
    saveSkipReason: hit === 'exact' ? 'exact hit' : decision.reason,
  })

  // Start from nothing, so an extraction never merges into leftovers of an earlier run.
  touched.push(...paths)
  clearPaths(paths)
  const restoreStarted = performance.now()
  const matchedKey = await restoreEntry(paths, key, restoreKeys, ctx.runner.tempRoot)
  core.info(`Cache: lookup, download and extraction took ${seconds(restoreStarted)}s.`)
  if (!matchedKey) {
    clearPaths(paths)
    core.info('Cache: miss; installing from scratch.')
    return outcome('miss')
  }
  if (matchedKey !== key) {
    core.info(`Cache: partial hit on ${matchedKey}; installing with the restored download cache.`)
    return outcome('partial', matchedKey)
  }
  const validateStarted = performance.now()
  const problem = await validateRestoredEnv(ctx, hooks)
  core.info(`Cache: validating the restored environment took ${seconds(validateStarted)}s.`)
  if (problem) {
    core.warning(
      `The cached environment for ${key} is not usable (${problem}); discarding it and installing.`,
    )
    fs.rmSync(ctx.venv.root, { recursive: true, force: true })
    // The service keeps entries immutable: saving the same key again would only conflict.
    return {
      ...outcome('partial', matchedKey),
      save: false,
      saveSkipReason: 'the exact entry exists but is unusable',
    }
  }
  core.info(`Cache: exact hit on ${key}; the environment is ready.`)
  return outcome('exact', matchedKey)
}

async function keysFor(ctx: ManagerContext, manager: string, hooks: ManagerCacheHooks) {
  return cacheKeys({
    os: osKeyPart(ctx.runner.platform, ctx.runner.imageOs),
    arch: ctx.runner.arch,
    pythonVersion: ctx.python.version,
    manager,
    managerVersion: await hooks.toolVersion(ctx),
    suffix: ctx.inputs.cacheSuffix,
    files: await readKeyFiles(ctx, hooks),
    extras: hooks.keyExtras(ctx),
    venvPath: ctx.venv.root,
    pythonExecutable: ctx.python.executable,
  })
}

function venvIsForeign(root: string): boolean {
  if (!fs.existsSync(root)) return false
  if (!fs.statSync(root).isDirectory()) return true
  return !fs.existsSync(path.join(root, OWNER_MARKER)) && fs.readdirSync(root).length > 0
}

function clearPaths(paths: string[]): void {
  for (const target of paths) fs.rmSync(target, { recursive: true, force: true })
  for (const target of paths.slice(1)) fs.mkdirSync(target, { recursive: true })
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(2)
}
