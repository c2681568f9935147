import { decideSave } from '../cache/save-policy.js'
import type { Inputs } from '../inputs.js'
import type { Runner } from '../runner.js'
import { advisoryCache } from './advisory-cache.js'
import type { AdvisoryOptions } from './look-up-advisories.js'

/**
 * How this run asks for advisories: not at all with `audit: false` or the rule turned off; with
 * the day's cache entry when caching is on and the runner has a cache service, written only
 * where the environment cache may be written (the same save policy).
 */
export function advisoryOptions(inputs: Inputs, runner: Runner, ruleOff: boolean): AdvisoryOptions {
  const enabled = inputs.audit && !ruleOff
  const useCache = enabled && inputs.cache && runner.cacheService
  const mayWrite = decideSave(inputs.cacheSave, runner.event.name, runner.ref).save
  return {
    enabled,
    url: inputs.osvUrl,
    cache: useCache ? advisoryCache(runner.tempRoot, mayWrite) : undefined,
  }
}
