import { compare, satisfies, valid, validRange } from '@renovatebot/pep440'

const PLAIN = /^\d+(\.\d+)*$/
const CLAUSE = /^(>=|<=|>|<|==|!=)(\d+(?:\.\d+)*)$/

/**
 * PEP 440 `version in specifier`. Plain release versions against plain `>=,<,==…` clauses (most
 * manifests) are compared directly: @renovatebot/pep440 re-parses the specifier on every call,
 * which dominates the drift stage on big locks. Anything else goes to the library.
 * Returns undefined for a specifier that is not PEP 440 (e.g. poetry's ^1.2).
 */
export function versionSatisfies(version: string, specifier: string): boolean | undefined {
  const clauses = specifier.split(',')
  if (PLAIN.test(version) && clauses.every((clause) => CLAUSE.test(clause))) {
    return clauses.every((clause) => {
      const [, op, bound = ''] = CLAUSE.exec(clause) ?? []
      const order = compareRelease(version, bound)
      switch (op) {
        case '>=':
          return order >= 0
        case '<=':
          return order <= 0
        case '>':
          return order > 0
        case '<':
          return order < 0
        case '==':
          return order === 0
        default:
          return order !== 0
      }
    })
  }
  return validRange(specifier) ? satisfies(version, specifier) : undefined
}

function compareRelease(a: string, b: string): number {
  const pa = a.split('.')
  const pb = b.split('.')
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = Number(pa[i] ?? 0) - Number(pb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/** PEP 440 ordering, with the same fast path for plain release versions; undefined when not PEP 440. */
export function compareVersions(a: string, b: string): number | undefined {
  if (PLAIN.test(a) && PLAIN.test(b)) return compareRelease(a, b)
  return valid(a) && valid(b) ? compare(a, b) : undefined
}
