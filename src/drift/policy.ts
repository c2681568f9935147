import { UserError } from '../errors.js'
import type { Finding, Severity } from '../model/finding.js'
import { RULE_IDS } from './registry.js'

export type RuleLevel = Severity | 'off'

/** Per-rule severity overrides from the `rules` input. */
export type RulesPolicy = ReadonlyMap<string, RuleLevel>

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'notice', 'off']

/**
 * Parses the `rules` input: `id=level` pairs separated by commas or newlines, e.g.
 * `lock-tool-version=off, requirement-unpinned=error`.
 */
export function parseRulesPolicy(text: string, knownIds: readonly string[] = RULE_IDS): RulesPolicy {
  const policy = new Map<string, RuleLevel>()
  for (const entry of text.split(/[\n,]+/)) {
    const trimmed = entry.replace(/#.*$/, '').trim()
    if (!trimmed) continue
    const match = /^([A-Za-z0-9-]+)\s*[=:]\s*([A-Za-z]+)$/.exec(trimmed)
    if (!match) {
      throw policyError(
        `'${trimmed}' is not of the form rule-id=level.`,
        'Write e.g. `lock-tool-version=off, requirement-unpinned=error`.',
      )
    }
    const id = (match[1] ?? '').toLowerCase()
    const level = (match[2] ?? '').toLowerCase()
    if (!knownIds.includes(id)) {
      const near = knownIds.filter((known) => known.includes(id) || id.includes(known)).slice(0, 3)
      throw policyError(
        `'${id}' is not a rule of setup-python-env${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}.`,
        `Use one of: ${knownIds.join(', ')} (see docs/rules.md).`,
      )
    }
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw policyError(
        `'${trimmed}' sets ${id} to '${level}', which is not a level.`,
        `Use one of: ${LEVELS.join(', ')}.`,
      )
    }
    policy.set(id, level as RuleLevel)
  }
  return policy
}

function policyError(message: string, fix: string): UserError {
  return new UserError({ title: 'Invalid input rules', message: `Input 'rules': ${message}`, fix })
}

/** Drops findings of rules turned off and sets the severity of overridden rules. */
export function applyPolicy(findings: readonly Finding[], policy: RulesPolicy): Finding[] {
  if (policy.size === 0) return [...findings]
  const out: Finding[] = []
  for (const finding of findings) {
    const level = policy.get(finding.rule)
    if (level === 'off') continue
    out.push(level ? { ...finding, severity: level } : finding)
  }
  return out
}
