import { globToRegExp } from './glob.js'

/** One line of a .gitignore, relative to the folder holding the file. */
interface IgnoreRule {
  negated: boolean
  directoryOnly: boolean
  /** Matched against the path relative to the .gitignore's folder. */
  pattern: RegExp
}

/**
 * The rules of one .gitignore (gitignore(5)): `#` comments, `!` negation, a trailing `/` for
 * folders only, a `/` at the start or in the middle anchors the pattern to the file's folder,
 * otherwise it matches a name at any depth. Pure; used when the checkout is not a git repository.
 */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '')
    if (line === '' || line.startsWith('#')) continue
    const negated = line.startsWith('!')
    if (negated) line = line.slice(1)
    line = line.replace(/^\\([#!])/, '$1').replace(/\\ /g, ' ')
    const directoryOnly = line.endsWith('/')
    if (directoryOnly) line = line.replace(/\/+$/, '')
    if (line === '') continue
    const anchored = line.includes('/')
    const glob = anchored ? line.replace(/^\//, '') : `**/${line}`
    rules.push({ negated, directoryOnly, pattern: globToRegExp(glob) })
  }
  return rules
}

/** The .gitignore files met on the way down, each with the folder it sits in. */
export class IgnoreStack {
  private readonly layers: { base: string; rules: IgnoreRule[] }[] = []

  /** `base` is the folder of the .gitignore, relative to the walk's root ('' for the root). */
  with(base: string, rules: IgnoreRule[]): IgnoreStack {
    const next = new IgnoreStack()
    next.layers.push(...this.layers)
    if (rules.length > 0) next.layers.push({ base, rules })
    return next
  }

  /** Whether `relative` (from the walk's root, `/`-separated) is ignored; the last matching rule wins. */
  ignores(relative: string, isDirectory: boolean): boolean {
    let ignored = false
    for (const { base, rules } of this.layers) {
      if (base && !relative.startsWith(`${base}/`)) continue
      const inner = base ? relative.slice(base.length + 1) : relative
      for (const rule of rules) {
        if (rule.directoryOnly && !isDirectory) continue
        if (rule.pattern.test(inner)) ignored = !rule.negated
      }
    }
    return ignored
  }
}
