/**
 * Every rule id with its default severity: the ground-floor half of the rule registry
 * (src/drift/registry.ts), so the stages before drift raise findings with a checked id and the
 * registry's severity without importing drift. A rule whose id is not here does not type-check;
 * __tests__/unit/model/rule-ids.test.ts holds the two lists equal.
 */
export const DEFAULT_SEVERITY = {
  'lock-missing': 'warning',
  'lock-stale': 'error',
  'requirement-unpinned': 'warning',
  'requirement-no-hashes': 'notice',
  'env-mismatch': 'error',
  'pip-check-conflict': 'error',
  'import-failed': 'error',
  'smoke-test-failed': 'error',
  'python-version-mismatch': 'warning',
  'lock-tool-version': 'warning',
  'dependency-changed': 'notice',
  'vulnerable-dependency': 'warning',
  'precommit-rev-mismatch': 'warning',
  'docker-unlocked-install': 'warning',
  'docker-alpine-ml': 'warning',
  'docker-unpinned-base': 'warning',
  'conda-unpinned': 'warning',
} as const satisfies Record<string, 'error' | 'warning' | 'notice'>

/** A rule id: `'lock-stale'`, `'pip-check-conflict'`… never a string typed by hand. */
export type RuleId = keyof typeof DEFAULT_SEVERITY

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(DEFAULT_SEVERITY, id)
}
