import { type Finding, makeFinding } from '../../model/finding.js'
import { lockedPackages } from '../lookup.js'
import type { Rule } from '../rule.js'

/** pre-commit repos that run a tool also pinned in the lock, by repository URL. */
const TOOL_REPOS: { tool: string; pattern: RegExp }[] = [
  { tool: 'black', pattern: /\/psf\/black(-pre-commit-mirror)?(\.git)?$/i },
  { tool: 'ruff', pattern: /\/astral-sh\/ruff-pre-commit(\.git)?$/i },
  { tool: 'mypy', pattern: /\/pre-commit\/mirrors-mypy(\.git)?$/i },
]

export const precommitRevMismatchRule: Rule = {
  id: 'precommit-rev-mismatch',
  defaultSeverity: 'warning',
  description:
    'A pre-commit hook (black, ruff, mypy) runs another version than the one locked for the project.',
  example: '.pre-commit-config.yaml:  rev: 23.12.1   (psf/black)\nrequirements-lock.txt:    black==24.10.0',
  fix: 'Set the hook `rev:` to the locked version (or update the lock), so pre-commit and CI format/lint alike.',
  check(ctx) {
    if (!ctx.preCommit) return []
    const locked = lockedPackages(ctx)
    const findings: Finding[] = []
    for (const repo of ctx.preCommit.repos) {
      const tool = TOOL_REPOS.find((entry) => entry.pattern.test(repo.repo))?.tool
      const pkg = tool ? locked.get(tool) : undefined
      if (!tool || !pkg) continue
      const rev = repo.rev.replace(/^v/, '')
      if (rev === pkg.version) continue
      findings.push(
        makeFinding(this.id, {
          message: `${ctx.preCommit.file} runs ${tool} ${rev}, but ${pkg.file} locks ${tool} ${pkg.version}.`,
          file: ctx.preCommit.file,
          line: repo.revLine,
          package: tool,
          from: pkg.version,
          to: rev,
          fix: `Set \`rev: ${repo.rev.startsWith('v') ? 'v' : ''}${pkg.version}\` for ${repo.repo} (or lock ${tool}==${rev}).`,
        }),
      )
    }
    return findings
  },
}
