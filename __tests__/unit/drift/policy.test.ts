import { describe, expect, it } from '@jest/globals'
import { applyPolicy, parseRulesPolicy } from '../../../src/drift/policy.js'
import { UserError } from '../../../src/errors.js'
import type { Finding } from '../../../src/model/finding.js'

describe('rules input', () => {
  it('parses id=level pairs separated by commas and newlines', () => {
    const policy = parseRulesPolicy(
      'lock-tool-version=off, requirement-unpinned=error\n  env-mismatch: warning',
    )
    expect([...policy]).toEqual([
      ['lock-tool-version', 'off'],
      ['requirement-unpinned', 'error'],
      ['env-mismatch', 'warning'],
    ])
  })

  it.each([
    ['lock-stael=off', "'lock-stael' is not a rule"],
    ['lock-stale=loud', 'which is not a level'],
    ['lock-stale', 'is not of the form rule-id=level'],
  ])('refuses %j with a clear UserError', (text, message) => {
    expect(() => parseRulesPolicy(text)).toThrow(UserError)
    expect(() => parseRulesPolicy(text)).toThrow(message)
  })

  it('drops findings of rules turned off and overrides severities', () => {
    const findings: Finding[] = [
      { rule: 'lock-tool-version', severity: 'warning', message: 'a' },
      { rule: 'requirement-unpinned', severity: 'warning', message: 'b' },
      { rule: 'env-mismatch', severity: 'error', message: 'c' },
    ]
    const out = applyPolicy(findings, parseRulesPolicy('lock-tool-version=off, requirement-unpinned=error'))
    expect(out.map((f) => [f.rule, f.severity])).toEqual([
      ['requirement-unpinned', 'error'],
      ['env-mismatch', 'error'],
    ])
  })
})
