/**
 * Glob patterns as workflow `paths:` filters and .gitignore write them: `*` and `?` stay within
 * one folder, `**` crosses folders, `[abc]`/`[!abc]` are character classes. Pure.
 */
export function globToRegExp(glob: string): RegExp {
  let source = ''
  let i = 0
  while (i < glob.length) {
    const ch = glob.charAt(i)
    if (ch === '*' && glob.charAt(i + 1) === '*') {
      const atStart = i === 0 || glob.charAt(i - 1) === '/'
      const slashAfter = glob.charAt(i + 2) === '/'
      if (atStart && slashAfter) {
        source += '(?:.*/)?'
        i += 3
      } else {
        source += '.*'
        i += 2
      }
    } else if (ch === '*') {
      source += '[^/]*'
      i++
    } else if (ch === '?') {
      source += '[^/]'
      i++
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end < 0) {
        source += '\\['
        i++
      } else {
        const body = glob.slice(i + 1, end)
        const negated = body.startsWith('!') || body.startsWith('^')
        const members = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, (c) => `\\${c}`)
        source += negated ? `[^/${members}]` : `[${members}]`
        i = end + 1
      }
    } else {
      source += ch.replace(/[.+^${}()|\\/]/g, (c) => `\\${c}`)
      i++
    }
  }
  return new RegExp(`^${source}$`)
}

/** One `discover-paths` line: a glob that includes, or with `!` excludes. */
interface PathRule {
  exclude: boolean
  pattern: RegExp
}

/**
 * The `discover-paths` filter: a folder is in when the last pattern matching it (or a folder
 * above it) includes it. With only `!` patterns everything else is in; with none, everything.
 */
export class PathFilter {
  private readonly rules: PathRule[]

  constructor(patterns: readonly string[]) {
    this.rules = patterns.map((raw) => {
      const exclude = raw.startsWith('!')
      const glob = (exclude ? raw.slice(1) : raw).trim().replace(/^\.\//, '').replace(/\/+$/, '')
      return { exclude, pattern: globToRegExp(glob || '.') }
    })
  }

  get isEmpty(): boolean {
    return this.rules.length === 0
  }

  /** `folder` is relative to the repository root with `/`, '.' for the root itself. */
  includes(folder: string): boolean {
    if (this.rules.length === 0) return true
    const candidates = folder === '.' ? ['.'] : ancestorsAndSelf(folder)
    let included = this.rules.every((rule) => rule.exclude)
    for (const rule of this.rules) {
      if (candidates.some((candidate) => rule.pattern.test(candidate))) included = !rule.exclude
    }
    return included
  }
}

/** 'a/b/c' → ['a', 'a/b', 'a/b/c']. */
export function ancestorsAndSelf(folder: string): string[] {
  const parts = folder.split('/')
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'))
}
