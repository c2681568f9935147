import { satisfies, validRange } from '@renovatebot/pep440'
import { UserError } from '../errors.js'

/** What a version source asks for, in terms the resolver can match installed versions against. */
export interface PythonSpec {
  implementation: 'cpython' | 'pypy'
  /** `3.13t`: the free-threaded build. */
  freeThreaded: boolean
  /** PEP 440 specifiers, any of which may match (poetry's `||` gives several). */
  specifiers: string[]
  /** Set when the value pins one release exactly, e.g. '3.11.7'. */
  exact?: string
  /** A spec that itself names a pre-release (3.14.0rc1) may pick pre-releases. */
  namesPrerelease: boolean
}

const PLAIN = /^(\d+(?:\.\d+){0,2})((?:a|b|rc)\d+)?(?:\.(?:x|\*))?$/
const PLAIN_WILDCARD = /\.(?:x|\*)$/
const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>|\^|~|=)?\s*(\S+)$/

/**
 * Parses a Python version as users write it in any of the sources: `3.11`, `3.11.7`, `3.11.x`,
 * `>=3.10,<3.13` (PEP 440), `~=3.11`, `^3.11` / `~3.11` / `>=3.9 || >=3.11` (poetry), `3.11.*`
 * (conda), `3.13t` (free-threaded), `3.13-dev` (pre-releases too) and `pypy3.10`. Undefined when the text is not a version.
 */
export function parsePythonSpec(text: string): PythonSpec | undefined {
  let value = text.trim()
  if (!value || value.length > 200) return undefined
  let implementation: PythonSpec['implementation'] = 'cpython'
  const pypy = /^pypy-?(\d+(?:\.\d+){0,2})(?:-v?[\d.]+)?$/i.exec(value)
  if (pypy?.[1]) {
    implementation = 'pypy'
    value = pypy[1]
  }
  // setup-python's `3.13-dev`: the newest 3.13, pre-releases included.
  const dev = /^(\d+\.\d+)-dev$/.exec(value)
  if (dev?.[1])
    return { implementation, freeThreaded: false, specifiers: [`==${dev[1]}.*`], namesPrerelease: true }
  let freeThreaded = false
  if (/^\d[\d.]*t$/.test(value)) {
    freeThreaded = true
    value = value.slice(0, -1)
  }
  const plain = PLAIN.exec(value)
  if (plain?.[1]) {
    const release = plain[1]
    const pre = plain[2] ?? ''
    const exact =
      release.split('.').length === 3 && !PLAIN_WILDCARD.test(value) ? `${release}${pre}` : undefined
    const specifier = exact ? `==${exact}` : `==${release}${pre ? pre : '.*'}`
    if (!isValidSpecifier(specifier)) return undefined
    return { implementation, freeThreaded, specifiers: [specifier], exact, namesPrerelease: pre !== '' }
  }
  if (implementation === 'pypy' || freeThreaded) return undefined
  const specifiers: string[] = []
  for (const alternative of value.split('||')) {
    const specifier = toPep440(alternative)
    if (!specifier) return undefined
    specifiers.push(specifier)
  }
  return {
    implementation,
    freeThreaded,
    specifiers,
    namesPrerelease: /\d(?:a|b|rc)\d/.test(value),
  }
}

/** One range (no `||`) in PEP 440, poetry or conda syntax → a PEP 440 specifier. */
function toPep440(range: string): string | undefined {
  const clauses = range
    .trim()
    .replace(/(~=|===|==|!=|<=|>=|<|>|\^|~|=)\s+/g, '$1')
    .split(/\s*,\s*|\s+/)
    .filter((clause) => clause !== '')
  if (clauses.length === 0) return undefined
  const converted: string[] = []
  for (const clause of clauses) {
    const match = CLAUSE.exec(clause)
    const operator = match?.[1] ?? ''
    const version = match?.[2] ?? ''
    if (!/^\d/.test(version)) return undefined
    const release = version.replace(/\.(?:x|\*)$/, '')
    if (operator === '^') converted.push(`>=${release}`, `<${bump(release, 0)}`)
    else if (operator === '~')
      converted.push(`>=${release}`, `<${bump(release, release.includes('.') ? 1 : 0)}`)
    else if (operator === '' || operator === '=')
      converted.push(
        version.split('.').length >= 3 && !PLAIN_WILDCARD.test(version) ? `==${version}` : `==${release}.*`,
      )
    else converted.push(`${operator}${version.replace(/\.x$/, '.*')}`)
  }
  const specifier = converted.join(',')
  return isValidSpecifier(specifier) ? specifier : undefined
}

/** `bump('3.11', 0)` = '4', `bump('3.11', 1)` = '3.12'. */
function bump(release: string, index: number): string {
  const parts = release.split('.').map((part) => Number.parseInt(part, 10))
  const kept = parts.slice(0, index + 1)
  kept[index] = (kept[index] ?? 0) + 1
  return kept.join('.')
}

function isValidSpecifier(specifier: string): boolean {
  try {
    return specifier !== '' && validRange(specifier)
  } catch {
    return false
  }
}

/** Whether an installed or downloadable version meets the spec. */
export function specAccepts(spec: PythonSpec, version: string, allowPrereleases: boolean): boolean {
  const prereleases = allowPrereleases || spec.namesPrerelease
  return spec.specifiers.some((specifier) => {
    try {
      return satisfies(version, specifier, { prereleases })
    } catch {
      return false
    }
  })
}

/** The spec as one line for logs and errors. */
export function describeSpec(spec: PythonSpec): string {
  const range = spec.specifiers.join(' || ')
  const prefix = spec.implementation === 'pypy' ? 'PyPy ' : ''
  return `${prefix}${range}${spec.freeThreaded ? ' (free-threaded)' : ''}`
}

/** For the `python-version` input: a spec, or a UserError naming the input. */
export function parseSpecOrThrow(value: string): PythonSpec {
  const spec = parsePythonSpec(value)
  if (spec) return spec
  throw new UserError({
    title: 'Invalid input python-version',
    message: `Input 'python-version' is '${value}', which is not a Python version.`,
    fix: "Use a version such as '3.11', '3.11.7', '>=3.10,<3.13', '3.13t' or 'pypy3.10'.",
  })
}
