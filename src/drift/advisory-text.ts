import type { OsvRecord } from '../advisories/osv-types.js'

/** A page a person can read: the record's own ADVISORY reference, else its osv.dev page. */
export function advisoryUrl(record: OsvRecord): string {
  const references = Array.isArray(record.references) ? record.references : []
  const advisory = references.find((ref) => ref?.type === 'ADVISORY' && isHttpUrl(ref.url))?.url
  return advisory ?? `https://osv.dev/vulnerability/${encodeURIComponent(record.id)}`
}

/** The advisory's own rating (GHSA: LOW … CRITICAL), else its first CVSS vector; undefined when it gives none. */
export function advisorySeverity(record: OsvRecord): string | undefined {
  const rated = record.database_specific?.severity
  if (typeof rated === 'string' && /^[A-Za-z]{1,20}$/.test(rated)) return rated.toUpperCase()
  const vector = (Array.isArray(record.severity) ? record.severity : []).find(
    (entry) => typeof entry?.score === 'string' && entry.score.length < 200,
  )
  return vector?.score
}

function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^\s"'<>]+$/.test(value)
}
