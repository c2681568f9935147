import type { AdvisoryLookup } from '../advisories/osv-types.js'
import { serviceMatchHolds } from './osv-ranges.js'
import type { DependencyChange } from './rules/dependency-changed.js'

/**
 * Marks each dependency change with the advisories it brings in (affecting the new version, not
 * the old) and those it leaves behind (affecting the old version, not the new one).
 */
export function withAdvisories(
  changes: readonly DependencyChange[],
  lookup: AdvisoryLookup | undefined,
): DependencyChange[] {
  if (lookup?.status !== 'checked') return [...changes]
  const ids = (name: string, version: string | undefined): string[] =>
    version === undefined
      ? []
      : (lookup.byPackage[`${name}==${version}`] ?? []).filter((id) =>
          serviceMatchHolds(lookup.records[id], name, version),
        )
  return changes.map((change) => {
    const before = ids(change.name, change.from)
    const after = ids(change.name, change.to)
    const introduces = after.filter((id) => !before.includes(id))
    const fixes = before.filter((id) => !after.includes(id))
    return {
      ...change,
      ...(introduces.length > 0 ? { introduces } : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
    }
  })
}
