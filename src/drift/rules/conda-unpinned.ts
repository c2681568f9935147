import { type Finding, makeFinding } from '../../model/finding.js'
import { isCondaPinned } from '../../project/parsers/conda-env.js'
import type { Rule } from '../rule.js'

export const condaUnpinnedRule: Rule = {
  id: 'conda-unpinned',
  defaultSeverity: 'warning',
  description: 'A conda environment file lists a package without an exact version.',
  example: 'environment.yml:\n  dependencies:\n    - numpy',
  fix: 'Pin it (`numpy=1.26.4`, pip entries `numpy==1.26.4`), or lock the environment with conda-lock.',
  check(ctx) {
    const findings: Finding[] = []
    for (const env of ctx.condaEnvironments) {
      for (const dep of env.dependencies) {
        const name = /^[A-Za-z0-9_.-]+/.exec(dep.spec)?.[0] ?? dep.spec
        if (dep.section === 'conda' && /^(pip|python)$/i.test(name)) continue
        if (dep.spec.startsWith('-') || /^(git\+|https?:|file:|\.)/.test(dep.spec)) continue
        const pinned = dep.section === 'pip' ? /^[^=<>~!]+==[^,*]+$/.test(dep.spec) : isCondaPinned(dep.spec)
        if (pinned) continue
        findings.push(
          makeFinding(this.id, {
            message: `${dep.spec} in ${env.file}${dep.section === 'pip' ? ' (pip section)' : ''} has no exact version.`,
            file: env.file,
            line: dep.line,
            package: name,
            fix:
              dep.section === 'pip'
                ? `Pin it: ${name}==<version>.`
                : `Pin it: ${name}=<version>, or lock with conda-lock.`,
          }),
        )
      }
    }
    return findings
  },
}
