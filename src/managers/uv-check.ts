import type { InstalledPackage } from '../model/installed.js'

const REQUIRES = /^The package `([^`]+)` requires `([^`]+)`, but `([^`]+)` is installed$/
const MISSING = /^The package `([^`]+)` requires `([^`]+)`, but it's not installed$/

/**
 * Rewrites `uv pip check` lines into the `pip check` wording that parsePipCheck reads, so both
 * managers' problems become the same findings.
 */
export function uvCheckAsPipCheck(output: string, installed: readonly InstalledPackage[]): string {
  const versionOf = (name: string) =>
    installed.find((pkg) => pkg.name === name.toLowerCase().replace(/[-_.]+/g, '-'))?.version ?? '?'
  const dependencyName = (requirement: string) => requirement.split(/[<>=!~;[ ]/)[0] ?? requirement
  const lines: string[] = []
  for (const raw of output.split('\n')) {
    const line = raw.trim()
    const conflict = REQUIRES.exec(line)
    if (conflict) {
      const [, pkg = '', requirement = '', have = ''] = conflict
      const dep = dependencyName(requirement)
      lines.push(`${pkg} ${versionOf(pkg)} has requirement ${requirement}, but you have ${dep} ${have}.`)
      continue
    }
    const missing = MISSING.exec(line)
    if (missing) {
      const [, pkg = '', requirement = ''] = missing
      lines.push(`${pkg} ${versionOf(pkg)} requires ${dependencyName(requirement)}, which is not installed.`)
    }
  }
  return lines.join('\n')
}
