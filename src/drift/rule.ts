import type { Finding, Severity } from '../model/finding.js'
import type { RuleId } from '../model/rule-ids.js'
import type { DriftContext } from './context.js'

/** One drift rule: metadata for docs/SARIF/policy, and a pure check over the drift context. */
export interface Rule {
  /** Stable kebab-case id, the `title` of annotations and the SARIF ruleId. */
  id: RuleId
  defaultSeverity: Severity
  /** One line: what the rule finds. */
  description: string
  /** A short broken input that makes it fire (shown in docs/rules.md). */
  example: string
  /** How to fix what it finds. */
  fix: string
  check(ctx: DriftContext): Finding[]
}
