import type { OsvAffected, OsvEvent, OsvRecord } from '../advisories/osv-types.js'
import { normalizeName } from '../model/requirement.js'
import { compareVersions } from './specifier.js'

/**
 * Whether an OSV record says this PyPI package version is affected, by its explicit version
 * list or its ECOSYSTEM ranges (OSV schema: events sorted by version; `introduced` opens a
 * range, `fixed` closes it before that version, `last_affected` after it).
 */
export function affectsVersion(record: OsvRecord, name: string, version: string): boolean {
  return entriesFor(record, name).some(
    (entry) =>
      (entry.versions ?? []).some((listed) => compareVersions(listed, version) === 0) ||
      ecosystemRanges(entry).some((events) => inRange(events, version)),
  )
}

/**
 * The service decides what affects a version; a record that describes this package's ranges
 * and excludes the version (a mirror that matches loosely) is overruled. A record without PyPI
 * ranges is taken at the service's word.
 */
export function serviceMatchHolds(record: OsvRecord | undefined, name: string, version: string): boolean {
  const describes = (record?.affected ?? []).some((entry) => entry?.package?.ecosystem === 'PyPI')
  return !record || !describes || affectsVersion(record, name, version)
}

/** The lowest version that fixes the advisory and is above `version`, when the record names one. */
export function lowestFixAbove(record: OsvRecord, name: string, version: string): string | undefined {
  let best: string | undefined
  for (const entry of entriesFor(record, name)) {
    for (const events of ecosystemRanges(entry)) {
      for (const event of events) {
        const fixed = event.fixed
        if (!fixed || (compareVersions(fixed, version) ?? -1) <= 0) continue
        if (!best || (compareVersions(fixed, best) ?? 1) < 0) best = fixed
      }
    }
  }
  return best
}

function entriesFor(record: OsvRecord, name: string): OsvAffected[] {
  const wanted = normalizeName(name)
  return (Array.isArray(record.affected) ? record.affected : []).filter(
    (entry) =>
      entry?.package?.ecosystem === 'PyPI' &&
      typeof entry.package.name === 'string' &&
      normalizeName(entry.package.name) === wanted,
  )
}

function ecosystemRanges(entry: OsvAffected): OsvEvent[][] {
  return (Array.isArray(entry.ranges) ? entry.ranges : [])
    .filter((range) => range?.type === 'ECOSYSTEM' && Array.isArray(range.events))
    .map((range) => range.events as OsvEvent[])
}

function inRange(events: OsvEvent[], version: string): boolean {
  let affected = false
  for (const event of [...events].sort(byEventVersion)) {
    if (event.introduced !== undefined) {
      if (event.introduced === '0' || (compareVersions(version, event.introduced) ?? -1) >= 0) affected = true
    } else if (event.fixed !== undefined) {
      if ((compareVersions(version, event.fixed) ?? -1) >= 0) affected = false
    } else if (event.last_affected !== undefined) {
      if ((compareVersions(version, event.last_affected) ?? -1) > 0) affected = false
    }
  }
  return affected
}

function eventVersion(event: OsvEvent): string {
  return event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? '0'
}

function byEventVersion(a: OsvEvent, b: OsvEvent): number {
  const va = eventVersion(a)
  const vb = eventVersion(b)
  if (va === '0') return vb === '0' ? 0 : -1
  if (vb === '0') return 1
  return compareVersions(va, vb) ?? va.localeCompare(vb, 'en', { numeric: true })
}
