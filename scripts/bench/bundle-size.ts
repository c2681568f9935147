import * as fs from 'node:fs'
import * as path from 'node:path'

/** Bytes of a bundle: what loads before its first line runs, and all it may ever load. */
export interface BundleSize {
  /** The entry and the chunks it imports statically (loaded at start). */
  startBytes: number
  /** Plus the chunks it loads with `import()` (the cache library), transitively. */
  totalBytes: number
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g
const DYNAMIC_IMPORT = /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g

function relativeImports(file: string, pattern: RegExp): string[] {
  const text = fs.readFileSync(file, 'utf8')
  // a bundle may hold such text in strings too: only files that exist count
  return [...text.matchAll(pattern)]
    .map((match) => path.resolve(path.dirname(file), match[1] ?? ''))
    .filter((next) => fs.statSync(next, { throwIfNoEntry: false })?.isFile())
}

function closure(entry: string, patterns: RegExp[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const pattern of patterns) for (const next of relativeImports(file, pattern)) visit(next)
  }
  visit(entry)
  return seen
}

const bytes = (files: Set<string>) => [...files].reduce((sum, file) => sum + fs.statSync(file).size, 0)

export function bundleSize(entry: string): BundleSize {
  return {
    startBytes: bytes(closure(entry, [STATIC_IMPORT])),
    totalBytes: bytes(closure(entry, [STATIC_IMPORT, DYNAMIC_IMPORT])),
  }
}

export const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`
