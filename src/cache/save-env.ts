import * as fs from 'node:fs'
import * as core from '@actions/core'
import { cacheHooksFor } from '../managers/cache-hooks.js'
import type { CacheState } from './cache-state.js'
import { envFingerprint } from './env-fingerprint.js'
import { saveEntry } from './service.js'

/**
 * Post: stores the env main built under its key, after pruning the download cache. Called only
 * when main succeeded. Never fails the job: every problem is a warning.
 */
export async function saveEnvironment(state: CacheState): Promise<void> {
  try {
    await save(state)
  } catch (error) {
    core.warning(`Cache: saving failed (${error instanceof Error ? error.message : String(error)}).`)
  }
}

async function save(state: CacheState): Promise<void> {
  if (!state.save) {
    core.info(`Cache: not saving (${state.saveSkipReason ?? 'nothing to save'}).`)
    return
  }
  if (!fs.existsSync(state.venvPath)) {
    core.warning(`Cache: not saving, ${state.venvPath} no longer exists.`)
    return
  }
  if (envFingerprint(state.venvPath) !== state.fingerprint) {
    core.warning(
      `Cache: not saving, a later step changed the packages in ${state.venvPath}; the entry must hold what the lock says.`,
    )
    return
  }
  try {
    await cacheHooksFor(state.manager)?.pruneCache(state.prune)
  } catch (error) {
    core.warning(`Cache: pruning the download cache failed (${String(error)}); saving it as is.`)
  }
  for (const dir of state.prune.cacheDirs) fs.mkdirSync(dir, { recursive: true })
  core.info(`Cache: saving ${state.paths.join(', ')} as ${state.key}`)
  if (await saveEntry(state.paths, state.key)) core.info(`Cache: saved ${state.key}.`)
  else
    core.warning(`Cache: ${state.key} was not saved (see the messages above); the next run installs again.`)
}
