import type { Rule } from './rule.js'
import { condaUnpinnedRule } from './rules/conda-unpinned.js'
import { dependencyChangedRule } from './rules/dependency-changed.js'
import { dockerAlpineMlRule } from './rules/docker-alpine-ml.js'
import { dockerUnlockedInstallRule } from './rules/docker-unlocked-install.js'
import { dockerUnpinnedBaseRule } from './rules/docker-unpinned-base.js'
import { envMismatchRule } from './rules/env-mismatch.js'
import { importFailedRule } from './rules/import-failed.js'
import { lockMissingRule } from './rules/lock-missing.js'
import { lockStaleRule } from './rules/lock-stale.js'
import { lockToolVersionRule } from './rules/lock-tool-version.js'
import { pipCheckConflictRule } from './rules/pip-check-conflict.js'
import { precommitRevMismatchRule } from './rules/precommit-rev-mismatch.js'
import { pythonVersionMismatchRule } from './rules/python-version-mismatch.js'
import { requirementNoHashesRule } from './rules/requirement-no-hashes.js'
import { requirementUnpinnedRule } from './rules/requirement-unpinned.js'
import { smokeTestFailedRule } from './rules/smoke-test-failed.js'
import { vulnerableDependencyRule } from './rules/vulnerable-dependency.js'

/** Every rule, in the order docs/rules.md lists them. */
export const RULES: readonly Rule[] = [
  lockMissingRule,
  lockStaleRule,
  requirementUnpinnedRule,
  requirementNoHashesRule,
  envMismatchRule,
  pipCheckConflictRule,
  importFailedRule,
  smokeTestFailedRule,
  pythonVersionMismatchRule,
  lockToolVersionRule,
  dependencyChangedRule,
  vulnerableDependencyRule,
  precommitRevMismatchRule,
  dockerUnlockedInstallRule,
  dockerAlpineMlRule,
  dockerUnpinnedBaseRule,
  condaUnpinnedRule,
]

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id)

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id)
}
