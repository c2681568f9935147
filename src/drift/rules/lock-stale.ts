import { type Finding, makeFinding } from '../../model/finding.js'
import type { RuleId } from '../../model/rule-ids.js'
import type { DriftContext } from '../context.js'
import { lockedPackages } from '../lookup.js'
import type { Rule } from '../rule.js'
import { versionSatisfies } from '../specifier.js'

export const lockStaleRule: Rule = {
  id: 'lock-stale',
  defaultSeverity: 'error',
  description:
    'The manifest asks for something the lock does not contain, or changed in the pull request while the lock did not.',
  example: 'requirements.in:  numpy>=2.0\nrequirements-lock.txt:  numpy==1.26.4',
  fix: 'Regenerate the lock (`uv lock`, `poetry lock`, `uv pip compile requirements.in -o requirements-lock.txt`) and commit it.',
  check(ctx) {
    const findings: Finding[] = []
    if (ctx.lockCheck?.stale) {
      findings.push(
        makeFinding(this.id, {
          message: ctx.lockCheck.message,
          file: ctx.lockCheck.file,
          line: ctx.lockCheck.line,
          fix: ctx.lockCheck.fix,
        }),
      )
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
    findings.push(...changedWithoutLock(this.id, this.defaultSeverity, ctx, findings))
    return findings
  },
}

/**
 * On a pull request: a manifest's dependencies changed but no lock did. Dependencies already
 * reported above are not reported twice.
 */
function changedWithoutLock(
  rule: RuleId,
  severity: Finding['severity'],
  ctx: DriftContext,
  already: readonly Finding[],
): Finding[] {
  const base = ctx.base
  if (!base || ctx.locks.length === 0 || ctx.locks.some((lock) => base.changedFiles.includes(lock.file)))
    return []
  const findings: Finding[] = []
  for (const manifest of ctx.manifests) {
    const before = base.manifests.find((m) => m.file === manifest.file)
    if (!before) continue
    const was = new Map(before.dependencies.map((dep) => [dep.name, dep.specifier]))
    const changed = manifest.dependencies.find(
      (dep) => was.get(dep.name) !== dep.specifier && !already.some((f) => f.package === dep.name),
    )
    const removed = before.dependencies.filter(
      (dep) => !manifest.dependencies.some((d) => d.name === dep.name),
    )
    if (!changed && removed.length === 0) continue
    const what = changed
      ? `${changed.name}${changed.specifier} (was ${was.has(changed.name) ? `${changed.name}${was.get(changed.name)}` : 'absent'})`
      : `the removal of ${removed.map((dep) => dep.name).join(', ')}`
    findings.push({
      rule,
      severity,
      message: `${manifest.file} changed in this pull request (${what}), but ${ctx.locks.map((l) => l.file).join(', ')} did not.`,
      file: manifest.file,
      line: changed?.line,
      package: changed?.name,
      fix: 'Regenerate the lock from the changed manifest and commit it with this pull request.',
    })
  }
  return findings
}
