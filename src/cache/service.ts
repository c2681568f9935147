import * as fs from 'node:fs'
import * as path from 'node:path'
import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { REAL_WORKSPACE } from '../exec.js'
import { cacheTimeoutMs, withDeadline } from './deadline.js'

/**
 * The only module that talks to the cache service (through @actions/cache). Every failure is
 * a warning and a miss / no save: caching makes runs faster, it never makes them fail.
 */

/** The key that matched (exact or a restore key), or undefined on a miss or any failure. */
export async function restoreEntry(
  paths: string[],
  key: string,
  restoreKeys: string[],
  tempRoot: string,
): Promise<string | undefined> {
  const work = cache.restoreCache(paths, key, restoreKeys).catch((error: unknown) => {
    core.warning(`Cache restore failed, continuing without the cache: ${messageOf(error)}`)
    return undefined
  })
  return withDeadline(work, cacheTimeoutMs(), 'Cache restore', () => {
    quarantineLateRestore(tempRoot)
    return undefined
  })
}

/**
 * A restore abandoned at its deadline cannot be cancelled: if the service answers later, it
 * still downloads and extracts, over the env this run is installing meanwhile. @actions/cache
 * extracts into GITHUB_WORKSPACE as read at extraction time, so it is pointed at a throwaway
 * folder nested as deep as the workspace (the entry's `../` paths, the download caches outside
 * the workspace, stay inside it too). Our child processes still get the real one (exec.ts).
 */
function quarantineLateRestore(tempRoot: string): void {
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd())
  const depth = workspace.split(path.sep).filter(Boolean).length
  const base = path.join(tempRoot, 'setup-python-env', 'late-restore')
  const quarantine = path.join(base, ...Array.from({ length: depth }, () => 'q'))
  fs.mkdirSync(quarantine, { recursive: true })
  process.env[REAL_WORKSPACE] ??= workspace
  process.env.GITHUB_WORKSPACE = quarantine
  core.info(`Cache: a late answer to the abandoned restore would be extracted into ${quarantine}.`)
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
