import { explain, rcompare } from '@renovatebot/pep440'

/**
 * Up to `count` of the known versions closest to what was asked for (by major, minor, then
 * patch), newest first: what a user most likely meant when a version does not exist.
 */
export function nearestVersions(wanted: string, known: string[], count = 5): string[] {
  const target = releaseOf(wanted)
  const unique = [...new Set(known)].filter((version) => explain(version) !== null)
  const scored = unique.map((version) => ({ version, distance: distance(target, releaseOf(version)) }))
  scored.sort((a, b) => a.distance - b.distance || rcompare(a.version, b.version))
  return scored
    .slice(0, count)
    .map((entry) => entry.version)
    .sort(rcompare)
}

function releaseOf(text: string): number[] {
  return (/\d+(?:\.\d+)*/.exec(text)?.[0] ?? '0').split('.').map(Number)
}

function distance(a: number[], b: number[]): number {
  const weights = [1_000_000, 1_000, 1]
  return weights.reduce((sum, weight, index) => sum + weight * Math.abs((a[index] ?? 0) - (b[index] ?? 0)), 0)
}
