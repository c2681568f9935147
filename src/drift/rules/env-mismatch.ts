import type { Finding } from '../../model/finding.js'
import { lockedPackages } from '../lookup.js'
import type { Rule } from '../rule.js'
import { compareVersions } from '../specifier.js'

/** Tools the environment carries whatever the lock says. */
const ALWAYS_PRESENT = new Set(['pip', 'setuptools', 'wheel', 'distribute', 'pkg-resources'])

export const envMismatchRule: Rule = {
  id: 'env-mismatch',
  defaultSeverity: 'error',
  description:
    'The installed environment differs from the lock: a package missing, extra, or at another version.',
  example: 'requirements-lock.txt:  six==1.17.0\ninstalled:              six 1.16.0',
  fix: 'Install from the lock only (`uv sync --locked`, `poetry sync`, `pip install -r requirements-lock.txt`) and do not `pip install` on top.',
  check(ctx) {
    if (!ctx.installed || ctx.locks.length === 0) return []
    const findings: Finding[] = []
    const locked = lockedPackages(ctx)
    const installed = new Map(ctx.installed.map((pkg) => [pkg.name, pkg.version]))
    for (const pkg of locked.values()) {
      const version = installed.get(pkg.name)
      const at = { rule: this.id, file: pkg.file, line: pkg.line, package: pkg.name, from: pkg.version }
      if (version === undefined) {
        // uv.lock and poetry.lock hold every platform's packages; only a requirements lock must be complete here.
        const lock = ctx.locks.find((l) => l.file === pkg.file)
        if (lock?.kind !== 'requirements' || pkg.marker) continue
        findings.push({
          ...at,
          severity: this.defaultSeverity,
          message: `${pkg.name} ${pkg.version} is locked in ${pkg.file} but not installed.`,
          fix: `Install from the lock again, e.g. \`pip install -r ${pkg.file}\`.`,
        })
      } else if (!sameVersion(version, pkg.version)) {
        findings.push({
          ...at,
          severity: this.defaultSeverity,
          to: version,
          message: `${pkg.name} ${version} is installed, but ${pkg.file} locks ${pkg.version}.`,
          fix: `Reinstall from the lock (\`pip install ${pkg.name}==${pkg.version}\`) and find the step that installs ${version}.`,
        })
      }
    }
    const ignored = new Set([...ALWAYS_PRESENT, ...(ctx.projectName ? [ctx.projectName] : [])])
    for (const pkg of ctx.installed) {
      if (locked.has(pkg.name) || ignored.has(pkg.name)) continue
      findings.push({
        rule: this.id,
        severity: 'warning',
        message: `${pkg.name} ${pkg.version} is installed but not in the lock (${ctx.locks.map((l) => l.file).join(', ')}).`,
        file: ctx.locks[0]?.file,
        package: pkg.name,
        to: pkg.version,
        fix: `Add ${pkg.name} to your dependencies and regenerate the lock, or stop installing it.`,
      })
    }
    return findings
  },
}

function sameVersion(a: string, b: string): boolean {
  return a === b || compareVersions(a, b) === 0
}
