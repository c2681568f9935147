import { describe, expect, it } from '@jest/globals'
import { RULES } from '../../../src/drift/registry.js'
import { makeFinding } from '../../../src/model/finding.js'
import { DEFAULT_SEVERITY, isRuleId } from '../../../src/model/rule-ids.js'

describe('the rule ids of src/model', () => {
  it('are the registry rules, in its order, with its default severities', () => {
    expect(Object.entries(DEFAULT_SEVERITY)).toEqual(RULES.map((rule) => [rule.id, rule.defaultSeverity]))
  })

  it.each([
    ['lock-stale', true],
    ['lock-stal', false],
    ['toString', false],
  ])('isRuleId(%s) is %s', (id, expected) => {
    expect(isRuleId(id)).toBe(expected)
  })
})

describe('makeFinding', () => {
  it("takes the rule's default severity", () => {
    expect(makeFinding('lock-missing', { message: 'm', file: 'f' })).toEqual({
      rule: 'lock-missing',
      severity: 'warning',
      message: 'm',
      file: 'f',
    })
  })

  it('keeps a severity given for one finding', () => {
    expect(makeFinding('smoke-test-failed', { message: 'm', severity: 'warning' }).severity).toBe('warning')
  })
})
