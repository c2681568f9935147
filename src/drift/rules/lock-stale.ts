import type { Finding } from '../finding.js'
import { lockedPackages } from '../lookup.js'
import type { Rule } from '../rule.js'
import { versionSatisfies } from '../specifier.js'

export const lockStaleRule: Rule = {
  id: 'lock-stale',
  defaultSeverity: 'error',
  description: 'The manifest asks for something the lock does not contain: the lock was not regenerated.',
  example: 'requirements.in:  numpy>=2.0\nrequirements-lock.txt:  numpy==1.26.4',
  fix: 'Regenerate the lock (`uv lock`, `poetry lock`, `uv pip compile requirements.in -o requirements-lock.txt`) and commit it.',
  check(ctx) {
    const findings: Finding[] = []
    if (ctx.lockCheck?.stale) {
      findings.push({
        rule: this.id,
        severity: this.defaultSeverity,
        message: ctx.lockCheck.message,
        file: ctx.lockCheck.file,
        line: ctx.lockCheck.line,
        fix: ctx.lockCheck.fix,
      })
    }
    if (ctx.locks.length === 0) return findings
    const locked = lockedPackages(ctx)
    const lockFiles = ctx.locks.map((lock) => lock.file).join(', ')
    for (const manifest of ctx.manifests) {
      for (const dep of manifest.dependencies) {
        if (dep.conditional) continue
        const pkg = locked.get(dep.name)
        const where = { rule: this.id, severity: this.defaultSeverity, file: manifest.file, line: dep.line }
        if (!pkg) {
          findings.push({
            ...where,
            message: `${manifest.file} asks for ${dep.name}, but ${lockFiles} does not lock it.`,
            fix: `Regenerate the lock so it includes ${dep.name}.`,
            package: dep.name,
          })
        } else if (dep.specifier && versionSatisfies(pkg.version, dep.specifier) === false) {
          findings.push({
            ...where,
            message: `${manifest.file} asks for ${dep.name}${dep.specifier}, but ${pkg.file} locks ${dep.name} ${pkg.version}.`,
            fix: `Regenerate the lock so ${dep.name} matches '${dep.specifier}'.`,
            package: dep.name,
            from: pkg.version,
          })
        }
      }
    }
    return findings
  },
}
