import type { Finding } from '../model/finding.js'
import type { DriftContext } from './context.js'
import { applyPolicy, type RulesPolicy } from './policy.js'
import { RULES } from './registry.js'
import type { Rule } from './rule.js'

/** Runs every rule not turned off, then applies the severity policy. */
export function runRules(ctx: DriftContext, policy: RulesPolicy, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = []
  for (const rule of rules) {
    if (policy.get(rule.id) === 'off') continue
    findings.push(...rule.check(ctx))
  }
  return applyPolicy(findings, policy)
}
