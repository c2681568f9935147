import { DEFAULT_SEVERITY, type RuleId } from './rule-ids.js'

/** One thing the action tells the user about their environment; see DESIGN.md "The finding model". */
export type Severity = 'error' | 'warning' | 'notice'

export interface Finding {
  /** Stable kebab-case id, e.g. 'pip-check-conflict'. */
  rule: RuleId
  severity: Severity
  /** One sentence a user understands. */
  message: string
  /** Path relative to the workspace, posix separators. */
  file?: string
  line?: number
  endLine?: number
  /** The exact command or edit that fixes it. */
  fix?: string
  package?: string
  from?: string
  to?: string
  /** A published security advisory the finding is about (vulnerable-dependency). */
  advisory?: { id: string; aliases: string[]; url: string }
}

/** What a finding says besides its rule; the severity defaults to the rule's. */
export type FindingFields = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }

/** The one way to raise a finding: the id is checked and the default severity is the registry's. */
export function makeFinding(rule: RuleId, fields: FindingFields): Finding {
  const { severity, ...rest } = fields
  return { rule, severity: severity ?? DEFAULT_SEVERITY[rule], ...rest }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

/** Most severe first, then by file and line, so annotations and tables read top-down. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  )
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  for (const finding of findings) counts[finding.severity]++
  return counts
}
