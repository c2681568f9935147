/** Compares dotted release versions numerically ('3.10.1' > '3.9.12'). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10) || 0)
  const pb = b.split('.').map((part) => Number.parseInt(part, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/** '3.11' matches 3.11.x, '3' matches 3.x, '3.11.7' only itself. */
export function matchesVersionPrefix(spec: string, version: string): boolean {
  const want = spec.split('.')
  const have = version.split('.')
  return want.every((part, index) => have[index] === part)
}
