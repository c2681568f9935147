import type { AdvisoryLookup } from '../advisories/osv-types.js'
import { compareVersions } from '../drift/specifier.js'
import type { Finding } from '../model/finding.js'
import { cell, Raw, table } from './markdown.js'
import { ICON } from './tables.js'

/** How the advisory lookup went, for the summary's one-line status. */
export function auditStatus(lookup: AdvisoryLookup | undefined, findings: readonly Finding[]): string {
  if (!lookup) return 'not run'
  if (lookup.status === 'skipped') return `off (${lookup.reason})`
  if (lookup.status === 'unavailable') return `not checked: ${lookup.reason}`
  const count = findings.filter((f) => f.advisory).length
  const from = lookup.source === 'cache' ? ' (answers reused from today’s cache entry)' : ''
  return `${count === 0 ? 'no known advisories' : `${count} ${count === 1 ? 'advisory' : 'advisories'}`}${from}`
}

/** Vulnerability findings grouped by package: one row per package version, its advisories linked. */
export function vulnerabilitiesTable(findings: readonly Finding[]): string | undefined {
  const byPackage = new Map<string, Finding[]>()
  for (const finding of findings) {
    if (!finding.advisory || !finding.package) continue
    const key = `${finding.package} ${finding.from ?? ''}`
    byPackage.set(key, [...(byPackage.get(key) ?? []), finding])
  }
  if (byPackage.size === 0) return undefined
  const rows = [...byPackage.values()].map((group) => {
    const first = group[0] as Finding
    const fixes = group.map((f) => f.to).filter((v): v is string => Boolean(v))
    return [
      new Raw(ICON[first.severity]),
      first.package,
      first.from,
      new Raw(group.map((f) => advisoryLink(f)).join('<br>')),
      fixes.length === group.length
        ? highest(fixes)
        : fixes.length > 0
          ? `${highest(fixes)} (not all)`
          : 'no fix published',
      first.file ? `${first.file}${first.line ? `:${first.line}` : ''}` : 'installed, not locked',
    ]
  })
  return table(['', 'Package', 'Version', 'Advisories', 'Fixed in', 'Where'], rows)
}

function advisoryLink(finding: Finding): string {
  const advisory = finding.advisory as NonNullable<Finding['advisory']>
  const aliases = advisory.aliases.length > 0 ? ` (${cell(advisory.aliases.join(', '))})` : ''
  return `[${cell(advisory.id)}](${encodeURI(advisory.url).replace(/\(/g, '%28').replace(/\)/g, '%29')})${aliases}`
}

/** The fix for every advisory of a package is the highest of their fixed versions. */
function highest(versions: string[]): string {
  return (
    [...versions]
      .sort((a, b) => compareVersions(a, b) ?? a.localeCompare(b, 'en', { numeric: true }))
      .at(-1) ?? ''
  )
}
