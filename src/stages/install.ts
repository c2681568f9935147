import type { CacheOutcome } from '../cache/restore-env.js'
import type { Manager, ManagerContext } from '../managers/types.js'
import type { Finding } from '../model/finding.js'
import type { Stages } from '../stage.js'

export interface Installed {
  /** What the install reported and worked around (e.g. lock-stale). */
  findings: Finding[]
  /** The restore's outcome, with the save vetoed when the install worked around a problem. */
  cache: CacheOutcome
}

/** The Install stage: the manager's locked install, skipped when the cache restored the env exactly. */
export async function installStage(
  stage: Stages,
  manager: Manager,
  ctx: ManagerContext,
  cache: CacheOutcome,
): Promise<Installed> {
  const name = `Install (${manager.name})`
  if (cache.hit === 'exact') {
    stage.skip(name, `cache hit on ${cache.key}: skipping install`)
    return { findings: [], cache }
  }
  const findings = await stage(name, () => manager.install({ ...ctx, restoredVenv: cache.hit === 'partial' }))
  if (findings.length === 0 || !cache.save) return { findings, cache }
  // an env installed around a problem (e.g. a stale lock) must not turn into an exact hit
  // that hides the problem on the next run
  const saveSkipReason = `the install reported ${findings.map((f) => f.rule).join(', ')}`
  return { findings, cache: { ...cache, save: false, saveSkipReason } }
}
