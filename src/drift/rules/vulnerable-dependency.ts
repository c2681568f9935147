import type { OsvRecord } from '../../advisories/osv-types.js'
import { type Finding, makeFinding } from '../../model/finding.js'
import type { LockedPackage } from '../../model/lock.js'
import { headPackages } from '../advisory-queries.js'
import { advisorySeverity, advisoryUrl } from '../advisory-text.js'
import type { DriftContext } from '../context.js'
import { lockedPackages } from '../lookup.js'
import { lowestFixAbove, serviceMatchHolds } from '../osv-ranges.js'
import type { Rule } from '../rule.js'

export const vulnerableDependencyRule: Rule = {
  id: 'vulnerable-dependency',
  defaultSeverity: 'warning',
  description:
    'A locked or installed package version has a published security advisory (OSV: GHSA, PYSEC, CVE).',
  example: 'requirements.txt:  six==1.16.0   (an advisory affects six < 1.17.0; fixed in 1.17.0)',
  fix: 'Bump the package to the fixed version the finding names in the lock or requirements file, then relock and reinstall.',
  check(ctx) {
    const lookup = ctx.advisories
    if (lookup?.status !== 'checked') return []
    const locked = lockedPackages(ctx)
    const findings: Finding[] = []
    for (const pkg of headPackages(ctx)) {
      for (const id of lookup.byPackage[`${pkg.name}==${pkg.version}`] ?? []) {
        const record = lookup.records[id] ?? { id }
        if (!serviceMatchHolds(record, pkg.name, pkg.version)) continue
        const where = locked.get(pkg.name)
        findings.push(
          vulnerabilityFinding(this, ctx, record, pkg, where?.version === pkg.version ? where : undefined),
        )
      }
    }
    return findings
  },
}

function vulnerabilityFinding(
  rule: Rule,
  ctx: DriftContext,
  record: OsvRecord,
  pkg: { name: string; version: string },
  where: LockedPackage | undefined,
): Finding {
  const fixed = lowestFixAbove(record, pkg.name, pkg.version)
  const aliases = (record.aliases ?? []).filter((alias) => typeof alias === 'string').slice(0, 5)
  const severity = advisorySeverity(record)
  const summary =
    typeof record.summary === 'string' ? record.summary.trim().split('\n')[0]?.slice(0, 200) : ''
  const named = aliases.length > 0 ? `${record.id} (${aliases.join(', ')})` : record.id
  return makeFinding(rule.id, {
    message: `${pkg.name} ${pkg.version} is affected by ${named}${severity ? `, severity ${severity}` : ''}${summary ? `: ${summary}` : '.'}`,
    file: where?.file,
    line: where?.line,
    package: pkg.name,
    from: pkg.version,
    to: fixed,
    fix: fixText(ctx, pkg.name, fixed, where?.file),
    advisory: { id: record.id, aliases, url: advisoryUrl(record) },
  })
}

function fixText(
  ctx: DriftContext,
  name: string,
  fixed: string | undefined,
  file: string | undefined,
): string {
  if (!fixed)
    return `No fixed version of ${name} is published for this advisory: read it, and remove or replace ${name} if it applies to you.`
  const target = `${name} to ${fixed} or later`
  switch (ctx.project.manager) {
    case 'uv':
      return `Bump ${target}: \`uv lock --upgrade-package ${name}\` (raise the lower bound in pyproject.toml if it holds ${name} back).`
    case 'poetry':
      return `Bump ${target}: \`poetry update ${name}\` (widen the constraint in pyproject.toml if it holds ${name} back).`
    default:
      return `Bump ${target} in ${file ?? 'the requirements file'}, then relock (e.g. pip-compile) and reinstall.`
  }
}
