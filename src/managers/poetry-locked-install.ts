import type { Inputs } from '../inputs.js'
import type { PoetryLock } from '../project/locks/poetry-lock.js'
import { asRecord } from '../project/locks/toml-tables.js'

/**
 * pip requirement lines for exactly what poetry.lock pins in the selected groups, each with its
 * marker so pip skips what does not apply here. Used when the lock is stale: poetry refuses to
 * install from it, yet the environment should still be the locked one while the finding says so.
 */
export function lockedRequirements(
  lock: PoetryLock,
  pyproject: Record<string, unknown>,
  inputs: Pick<Inputs, 'groups' | 'extras' | 'allExtras'>,
): string[] {
  const groups = selectedGroups(lock, pyproject, inputs.groups)
  const extras = inputs.allExtras ? Object.keys(lock.extras) : inputs.extras
  const lines: string[] = []
  for (const pkg of lock.packages) {
    const inGroups = pkg.groups.length === 0 ? ['main'] : pkg.groups.filter((group) => groups.has(group))
    if (inGroups.length === 0) continue
    const markers =
      typeof pkg.markers === 'string'
        ? [pkg.markers]
        : pkg.markers
          ? inGroups.map((group) =>
              pkg.markers && typeof pkg.markers === 'object' ? pkg.markers[group] : undefined,
            )
          : []
    const marker = applyExtras(
      markers.filter((m): m is string => m !== undefined),
      extras,
    )
    if (marker === false) continue
    lines.push(`${pkg.name}==${pkg.version}${marker ? ` ; ${marker}` : ''}`)
  }
  return lines
}

/** main, every non-optional group of pyproject, and the groups the input asks for. */
function selectedGroups(lock: PoetryLock, pyproject: Record<string, unknown>, wanted: string[]): Set<string> {
  const declared = asRecord(asRecord(asRecord(pyproject.tool)?.poetry)?.group) ?? {}
  const groups = new Set(['main', ...wanted])
  for (const pkg of lock.packages) {
    for (const group of pkg.groups) if (asRecord(declared[group])?.optional !== true) groups.add(group)
  }
  return groups
}

/**
 * pip cannot evaluate `extra == "x"` for a plain requirement, so extras are decided here: a
 * marker that is only about extras becomes true or false; mixed markers are kept as they are.
 */
function applyExtras(markers: string[], extras: string[]): string | false | undefined {
  if (markers.length === 0) return undefined
  const kept: string[] = []
  for (const marker of markers) {
    const only = /^extra == "([^"]+)"(?: or extra == "([^"]+)")*$/.test(marker)
    if (!only) {
      kept.push(`(${marker})`)
      continue
    }
    const named = [...marker.matchAll(/extra == "([^"]+)"/g)].map((m) => m[1] ?? '')
    if (named.some((extra) => extras.includes(extra))) return undefined
  }
  return kept.length > 0 ? kept.join(' or ') : false
}
