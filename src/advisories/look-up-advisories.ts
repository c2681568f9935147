import * as core from '@actions/core'
import type { AdvisoryCache } from './advisory-cache.js'
import { queryOsv } from './osv-client.js'
import type { AdvisoryLookup, PackageQuery } from './osv-types.js'

export interface AdvisoryOptions {
  /** The `audit` input: false sends nothing. */
  enabled: boolean
  /** The `osv-url` input. */
  url: string
  /** Reuse and store answers through the cache service (off when caching is off or unavailable). */
  cache?: AdvisoryCache
  /** How long the whole lookup may take; SETUP_PYTHON_ENV_OSV_TIMEOUT (seconds) overrides. */
  timeoutMs?: number
}

/**
 * The advisories that affect each package version, from an OSV-compatible service (or from the
 * cache entry an earlier run wrote today for the same packages). Never throws and never fails
 * the step: a service that is down, slow or answers garbage costs one notice.
 */
export async function lookUpAdvisories(
  queries: readonly PackageQuery[],
  options: AdvisoryOptions,
): Promise<AdvisoryLookup> {
  if (!options.enabled) return { status: 'skipped', reason: "input 'audit' is false" }
  const started = performance.now()
  const cached = await options.cache?.restore(options.url, queries)
  if (cached) {
    core.info(`Advisories for ${queries.length} package versions: reused from today's cache entry.`)
    return { status: 'checked', source: 'cache', ...cached }
  }
  const timeoutMs = options.timeoutMs ?? osvTimeoutMs()
  try {
    const answer = await queryOsv(options.url, queries, AbortSignal.timeout(timeoutMs))
    const affected = Object.keys(answer.byPackage).length
    core.info(
      `Advisories for ${queries.length} package versions from ${options.url}: ${affected} affected, ${answer.requests} requests in ${Math.round(performance.now() - started)} ms.`,
    )
    await options.cache?.save(options.url, queries, answer)
    return { status: 'checked', source: 'service', byPackage: answer.byPackage, records: answer.records }
  } catch (error) {
    const reason = failureReason(error, timeoutMs)
    core.notice(`Vulnerabilities not checked: ${reason}. The rest of the step is unaffected.`, {
      title: 'vulnerable-dependency',
    })
    return { status: 'unavailable', reason }
  }
}

function failureReason(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name
  if (name === 'TimeoutError' || name === 'AbortError')
    return `the advisory service did not answer within ${Math.round(timeoutMs / 1000)} s`
  const message = error instanceof Error ? error.message : String(error)
  return `the advisory service failed (${message.slice(0, 200)})`
}

export function osvTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.SETUP_PYTHON_ENV_OSV_TIMEOUT)
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000
}
