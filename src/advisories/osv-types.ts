/**
 * The parts of the OSV schema (https://ossf.github.io/osv-schema/) the action reads. Every field
 * is optional: a record from a mirror may leave any of them out, and the code must cope.
 */
export interface OsvEvent {
  introduced?: string
  fixed?: string
  last_affected?: string
  limit?: string
}

export interface OsvRange {
  type?: string
  events?: OsvEvent[]
}

export interface OsvAffected {
  package?: { ecosystem?: string; name?: string }
  ranges?: OsvRange[]
  versions?: string[]
}

export interface OsvRecord {
  id: string
  aliases?: string[]
  summary?: string
  details?: string
  affected?: OsvAffected[]
  /** GHSA records: LOW, MODERATE, HIGH, CRITICAL. */
  database_specific?: { severity?: string }
  severity?: { type?: string; score?: string }[]
  references?: { type?: string; url?: string }[]
}

/** One package version asked about. Names are PEP 503 normalised. */
export interface PackageQuery {
  name: string
  version: string
}

/** What the advisories stage learned; the vulnerable-dependency rule reads only this. */
export type AdvisoryLookup =
  | {
      status: 'checked'
      /** Advisory ids per `name==version` that the service says affect that version. */
      byPackage: Record<string, string[]>
      /** Full records, by id. */
      records: Record<string, OsvRecord>
      /** Where the answers came from: the service, or the cache entry of an earlier run today. */
      source: 'service' | 'cache'
    }
  | { status: 'skipped'; reason: string }
  | { status: 'unavailable'; reason: string }

export function queryKey(query: PackageQuery): string {
  return `${query.name}==${query.version}`
}
