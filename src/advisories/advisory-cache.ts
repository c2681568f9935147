import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { restoreEntry, saveEntry } from '../cache/service.js'
import type { OsvAnswer } from './osv-client.js'
import { type OsvRecord, type PackageQuery, queryKey } from './osv-types.js'

/** Answers reused by the runs of one day for the same package set and service (a small entry). */
export interface AdvisoryCache {
  restore(url: string, queries: readonly PackageQuery[]): Promise<StoredAnswer | undefined>
  save(url: string, queries: readonly PackageQuery[], answer: OsvAnswer): Promise<void>
}

interface StoredAnswer {
  byPackage: Record<string, string[]>
  records: Record<string, OsvRecord>
}

interface StoredFile extends StoredAnswer {
  url: string
  queries: string[]
}

/**
 * `dir` must be the same path on every run (RUNNER_TEMP is, on hosted runners): the cache
 * service versions an entry by its paths. `mayWrite` follows the environment cache's save policy.
 */
export function advisoryCache(dir: string, mayWrite: boolean, today = new Date()): AdvisoryCache {
  const file = path.join(dir, 'setup-python-env-osv', 'advisories.json')
  return {
    async restore(url, queries) {
      fs.rmSync(file, { force: true })
      const matched = await restoreEntry([file], entryKey(url, queries, today), [], dir)
      if (!matched) return undefined
      return readStored(file, url, sortedKeys(queries))
    },
    async save(url, queries, answer) {
      if (!mayWrite) return
      const stored: StoredFile = {
        url,
        queries: sortedKeys(queries),
        byPackage: answer.byPackage,
        records: answer.records,
      }
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, JSON.stringify(stored))
      await saveEntry([file], entryKey(url, queries, today))
    },
  }
}

/** The day (UTC) is in the key: advisories published since yesterday are asked for again. */
export function entryKey(url: string, queries: readonly PackageQuery[], today: Date): string {
  const hash = crypto
    .createHash('sha256')
    .update(`${url}\n${sortedKeys(queries).join('\n')}`)
    .digest('hex')
    .slice(0, 40)
  return `setup-python-env-osv-v1-${today.toISOString().slice(0, 10)}-${hash}`
}

function sortedKeys(queries: readonly PackageQuery[]): string[] {
  return [...new Set(queries.map(queryKey))].sort()
}

/** The restored file is trusted only when it answers exactly these questions of this service. */
function readStored(file: string, url: string, keys: string[]): StoredAnswer | undefined {
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredFile>
    if (stored.url !== url || JSON.stringify(stored.queries) !== JSON.stringify(keys)) return undefined
    if (!stored.byPackage || typeof stored.byPackage !== 'object') return undefined
    if (!stored.records || typeof stored.records !== 'object') return undefined
    return { byPackage: stored.byPackage, records: stored.records }
  } catch {
    return undefined
  }
}
