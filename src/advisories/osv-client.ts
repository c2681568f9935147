import { requestJson, ServiceError } from './json-request.js'
import { type OsvRecord, type PackageQuery, queryKey } from './osv-types.js'

/** The OSV API takes at most 1,000 queries per querybatch call. */
export const BATCH_SIZE = 1000
/** Pages of one package's advisories followed before giving up (a real package has a handful). */
const MAX_PAGE_ROUNDS = 20
/** Detail requests in flight at once. */
const DETAIL_CONCURRENCY = 8

export interface OsvAnswer {
  byPackage: Record<string, string[]>
  records: Record<string, OsvRecord>
  /** Requests sent, for the log and the benchmark. */
  requests: number
}

interface BatchQuery {
  package: { ecosystem: 'PyPI'; name: string }
  version: string
  page_token?: string
}

/**
 * Asks an OSV-compatible service which advisories affect each package version: querybatch in
 * chunks of 1,000 (following next_page_token), then the full record of each distinct id. Any
 * failure throws; the caller turns it into one notice.
 */
export async function queryOsv(
  baseUrl: string,
  queries: readonly PackageQuery[],
  signal: AbortSignal,
): Promise<OsvAnswer> {
  const base = baseUrl.replace(/\/+$/, '')
  const byPackage: Record<string, string[]> = {}
  let requests = 0
  let pending: BatchQuery[] = uniqueQueries(queries).map((q) => ({
    package: { ecosystem: 'PyPI', name: q.name },
    version: q.version,
  }))
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_PAGE_ROUNDS) throw new ServiceError(`more than ${MAX_PAGE_ROUNDS} pages of results`)
    const next: BatchQuery[] = []
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const chunk = pending.slice(start, start + BATCH_SIZE)
      requests++
      const results = batchResults(
        await requestJson('POST', `${base}/v1/querybatch`, { queries: chunk }, signal),
        chunk.length,
      )
      results.forEach((result, i) => {
        const query = chunk[i] as BatchQuery
        const key = queryKey({ name: query.package.name, version: query.version })
        const ids = byPackage[key] ?? []
        byPackage[key] = ids
        for (const id of result.ids) if (!ids.includes(id)) ids.push(id)
        if (result.nextPageToken) next.push({ ...query, page_token: result.nextPageToken })
      })
    }
    pending = next
  }
  const ids = [...new Set(Object.values(byPackage).flat())].sort()
  const records: Record<string, OsvRecord> = {}
  await inBatches(ids, DETAIL_CONCURRENCY, async (id) => {
    requests++
    records[id] = vulnRecord(
      await requestJson('GET', `${base}/v1/vulns/${encodeURIComponent(id)}`, undefined, signal),
      id,
    )
  })
  for (const key of Object.keys(byPackage)) if (byPackage[key]?.length === 0) delete byPackage[key]
  return { byPackage, records, requests }
}

function uniqueQueries(queries: readonly PackageQuery[]): PackageQuery[] {
  const seen = new Map<string, PackageQuery>()
  for (const query of queries) seen.set(queryKey(query), query)
  return [...seen.values()].sort((a, b) => queryKey(a).localeCompare(queryKey(b)))
}

/** Checks the shape of a querybatch answer: one result per query, in order, ids as strings. */
function batchResults(answer: unknown, expected: number): { ids: string[]; nextPageToken?: string }[] {
  const results = (answer as { results?: unknown } | null)?.results
  if (!Array.isArray(results) || results.length !== expected)
    throw new ServiceError(`a querybatch answer without ${expected} results`)
  return results.map((result) => {
    const vulns = (result as { vulns?: unknown } | null)?.vulns ?? []
    const token = (result as { next_page_token?: unknown } | null)?.next_page_token
    if (!Array.isArray(vulns)) throw new ServiceError('a querybatch result whose vulns is not a list')
    const ids = vulns.map((vuln) => (vuln as { id?: unknown } | null)?.id)
    if (!ids.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length < 200))
      throw new ServiceError('a querybatch result with a vulnerability that has no id')
    return { ids, nextPageToken: typeof token === 'string' && token ? token : undefined }
  })
}

function vulnRecord(answer: unknown, id: string): OsvRecord {
  const record = answer as OsvRecord | null
  if (!record || typeof record !== 'object' || record.id !== id)
    throw new ServiceError(`an answer for ${id} that is not its OSV record`)
  return record
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work))
  }
}
