import type { Finding, Severity } from '../../model/finding.js'
import type { LockedPackage } from '../../model/lock.js'
import type { RuleId } from '../../model/rule-ids.js'
import { lockedPackages, releaseParts } from '../lookup.js'
import type { Rule } from '../rule.js'
import { compareVersions } from '../specifier.js'

export type ChangeKind = 'added' | 'removed' | 'upgraded' | 'downgraded' | 'major'

export interface DependencyChange {
  kind: ChangeKind
  name: string
  from?: string
  to?: string
  file: string
  line?: number
  /** Advisory ids that affect the new version and not the old one (src/drift/change-advisories.ts). */
  introduces?: string[]
  /** Advisory ids that affected the old version and not the new one. */
  fixes?: string[]
}

export const dependencyChangedRule: Rule = {
  id: 'dependency-changed',
  defaultSeverity: 'notice',
  description:
    'On a pull request: a locked package was added, removed, upgraded, downgraded or bumped a major version.',
  example:
    'base  requirements-lock.txt:  pandas==1.5.3\nhead  requirements-lock.txt:  pandas==2.2.3   (major bump)',
  fix: 'Review the change; for a major bump or a downgrade read the changelog and run the full test suite.',
  check(ctx) {
    return dependencyChanges(ctx).map((change) => changeFinding(this.id, this.defaultSeverity, change))
  },
}

/** Lock differences between the base revision and this one, in lock order, removed ones last. */
export function dependencyChanges(ctx: Parameters<Rule['check']>[0]): DependencyChange[] {
  if (!ctx.base) return []
  const head = lockedPackages(ctx)
  const base = lockedPackages(ctx.base)
  const changes: DependencyChange[] = []
  for (const pkg of head.values()) {
    const before = base.get(pkg.name)
    if (!before)
      changes.push({ kind: 'added', name: pkg.name, to: pkg.version, file: pkg.file, line: pkg.line })
    else if (before.version !== pkg.version) changes.push(versionChange(before, pkg))
  }
  for (const pkg of base.values()) {
    if (head.has(pkg.name)) continue
    const file = ctx.locks.find((lock) => lock.file === pkg.file)?.file ?? ctx.locks[0]?.file ?? pkg.file
    changes.push({ kind: 'removed', name: pkg.name, from: pkg.version, file })
  }
  return changes
}

function versionChange(before: LockedPackage, after: LockedPackage): DependencyChange {
  const order =
    compareVersions(after.version, before.version) ??
    after.version.localeCompare(before.version, 'en', { numeric: true })
  const majorBefore = releaseParts(before.version)[0]
  const majorAfter = releaseParts(after.version)[0]
  const kind: ChangeKind =
    order < 0
      ? 'downgraded'
      : majorBefore !== undefined && majorAfter !== undefined && majorAfter > majorBefore
        ? 'major'
        : 'upgraded'
  return {
    kind,
    name: after.name,
    from: before.version,
    to: after.version,
    file: after.file,
    line: after.line,
  }
}

const WORDS: Record<ChangeKind, (c: DependencyChange) => string> = {
  added: (c) => `${c.name} ${c.to} was added to the lock.`,
  removed: (c) => `${c.name} ${c.from} was removed from the lock.`,
  upgraded: (c) => `${c.name} was upgraded from ${c.from} to ${c.to}.`,
  downgraded: (c) => `${c.name} was downgraded from ${c.from} to ${c.to}.`,
  major: (c) => `${c.name} jumped a major version, from ${c.from} to ${c.to}.`,
}

function changeFinding(rule: RuleId, severity: Severity, change: DependencyChange): Finding {
  // A downgrade or a major bump is what breaks models and APIs silently: one level louder.
  const louder = change.kind === 'downgraded' || change.kind === 'major'
  return {
    rule,
    severity: louder && severity === 'notice' ? 'warning' : severity,
    message: WORDS[change.kind](change),
    file: change.file,
    line: change.line,
    package: change.name,
    from: change.from,
    to: change.to,
    fix: louder
      ? `Read the ${change.name} changelog between ${change.from} and ${change.to} and run the full test suite.`
      : 'No action needed if this change was intended.',
  }
}
