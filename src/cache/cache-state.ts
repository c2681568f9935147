import type { PruneContext, ToolEntry } from '../managers/types.js'
import { envFingerprint } from './env-fingerprint.js'
import type { CacheOutcome } from './restore-env.js'

/** What post needs to save the entry, carried in MainState (src/state.ts). */
export interface CacheState {
  key: string
  paths: string[]
  hit: CacheOutcome['hit']
  save: boolean
  saveSkipReason?: string
  manager: string
  prune: PruneContext
  venvPath: string
  /** envFingerprint() at the end of main. */
  fingerprint: string
  /** The manager's own entry (Poetry's venv), saved whatever the environment's outcome. */
  tool?: ToolEntry
}

/** undefined when caching was off: post then has nothing to do. */
export function cacheStateFor(
  outcome: CacheOutcome,
  manager: string,
  venvPath: string,
  toolPath?: string,
  tool?: ToolEntry,
): CacheState | undefined {
  if (outcome.hit === 'off' || !outcome.key) return undefined
  return {
    key: outcome.key,
    paths: outcome.paths,
    hit: outcome.hit,
    save: outcome.save,
    saveSkipReason: outcome.saveSkipReason,
    manager,
    prune: { cacheDirs: outcome.paths.slice(1), toolPath },
    venvPath,
    fingerprint: envFingerprint(venvPath),
    tool,
  }
}
