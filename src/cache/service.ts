import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { cacheTimeoutMs, withDeadline } from './deadline.js'

/**
 * The only module that talks to the cache service (through @actions/cache). Every failure is
 * a warning and a miss / no save: caching makes runs faster, it never makes them fail.
 */

/** Whether the runner gave this job a cache service (ACTIONS_RESULTS_URL and friends). */
export function cacheServiceAvailable(): boolean {
  return cache.isFeatureAvailable()
}

/** The key that matched (exact or a restore key), or undefined on a miss or any failure. */
export async function restoreEntry(
  paths: string[],
  key: string,
  restoreKeys: string[],
): Promise<string | undefined> {
  const work = cache.restoreCache(paths, key, restoreKeys).catch((error: unknown) => {
    core.warning(`Cache restore failed, continuing without the cache: ${messageOf(error)}`)
    return undefined
  })
  return withDeadline(work, cacheTimeoutMs(), 'Cache restore', () => undefined)
}

/** True when the entry was stored. */
export async function saveEntry(paths: string[], key: string): Promise<boolean> {
  const work = cache.saveCache(paths, key).then(
    (id) => id !== -1,
    (error: unknown) => {
      core.warning(`Cache save failed: ${messageOf(error)}`)
      return false
    },
  )
  return withDeadline(work, cacheTimeoutMs(), 'Cache save', () => false)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
