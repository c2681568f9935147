import { describe, expect, it } from '@jest/globals'
import { RULES } from '../../../src/drift/registry.js'
import type { Finding } from '../../../src/model/finding.js'
import { buildSarif } from '../../../src/report/sarif.js'
import { expectValidSarif, type Json } from '../../support/sarif.js'

const tool = { name: 'setup-python-env', version: '0.1.0', informationUri: 'https://example.invalid/spe' }

describe('SARIF', () => {
  const findings: Finding[] = [
    {
      rule: 'env-mismatch',
      severity: 'error',
      message: 'six 1.16.0 is installed',
      file: 'requirements-lock.txt',
      line: 2,
      fix: 'reinstall',
    },
    {
      rule: 'requirement-no-hashes',
      severity: 'notice',
      message: 'no hashes',
      file: 'requirements.txt',
      line: 3,
      endLine: 5,
    },
    { rule: 'smoke-test-failed', severity: 'warning', message: 'no tests' },
  ]

  it('is a valid SARIF 2.1.0 log with every rule and every result located', () => {
    const log = buildSarif(findings, RULES, tool, 'requirements.txt')
    expectValidSarif(log)
    const results = (log.runs as Json[])[0]?.results as Json[]
    expect(results.map((r) => r.level)).toEqual(['error', 'note', 'warning'])
    expect(JSON.stringify(results[2])).toContain('"uri":"requirements.txt"')
  })

  it('gives the same finding the same fingerprint on every run', () => {
    const a = JSON.stringify(buildSarif(findings, RULES, tool, 'x'))
    const b = JSON.stringify(buildSarif(findings, RULES, tool, 'x'))
    expect(a).toBe(b)
  })

  it('is valid with no findings', () => {
    expectValidSarif(buildSarif([], RULES, tool, 'x'))
  })
})
