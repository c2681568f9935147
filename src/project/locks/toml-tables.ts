/**
 * Line numbers for `[[package]]` entries of a TOML lock file. smol-toml gives values without
 * positions, so the text is scanned once for the array-of-tables headers and their `name =` lines;
 * the n-th header found belongs to the n-th parsed entry.
 */
export interface PackageLines {
  /** 1-based line of the `[[package]]` header. */
  header: number
  /** 1-based line of `name = "…"` inside the entry, or the header when absent. */
  name: number
}

export function packageLines(text: string): PackageLines[] {
  const found: PackageLines[] = []
  const lines = text.split(/\r?\n/)
  let current: PackageLines | undefined
  let nameSeen = false
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim()
    if (line === '[[package]]') {
      current = { header: index + 1, name: index + 1 }
      nameSeen = false
      found.push(current)
    } else if (line.startsWith('[')) {
      // a sub-table ([package.metadata] …) keeps the current entry; any other table ends it
      if (!line.startsWith('[package.') && !line.startsWith('[[package.')) current = undefined
    } else if (current && !nameSeen && /^name\s*=/.test(line)) {
      current.name = index + 1
      nameSeen = true
    }
  }
  return found
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
