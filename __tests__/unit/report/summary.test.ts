import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../../src/model/finding.js'
import { commentBody, commentMarker } from '../../../src/report/pr-comment.js'
import type { RunReport } from '../../../src/report/run-report.js'
import { summaryMarkdown } from '../../../src/report/summary.js'

const hostile = 'evil<script>alert(1)</script> | @org/team [x](http://e) `rm`\n::error::pwned'

function report(findings: Finding[]): RunReport {
  return {
    project: {
      workspace: '/w',
      root: '/w',
      manager: 'pip',
      requirementsFiles: [],
      pythonVersionSources: [],
      hasTests: false,
    },
    python: {
      version: '3.11.7',
      executable: '/py',
      prefix: '/p',
      cacheHit: false,
      source: '.python-version:1',
      foundIn: 'path',
    },
    manager: { name: 'pip', version: '24.0' },
    venvPath: '/w/.venv',
    installed: [{ name: 'six', version: '1.17.0' }],
    smokeTest: { result: 'passed', findings: [] },
    findings,
    timings: [
      { stage: 'Install (pip)', seconds: 12.5, outcome: 'ok' },
      { stage: 'Drift', seconds: 0.01, outcome: 'ok' },
    ],
    baseRef: 'main',
    dependencyChanges: [
      { kind: 'major', name: 'idna', from: '2.10', to: '3.10', file: 'requirements.txt', line: 2 },
    ],
  }
}

const findings: Finding[] = [
  {
    rule: 'env-mismatch',
    severity: 'error',
    message: hostile,
    file: 'requirements.txt',
    line: 3,
    fix: hostile,
  },
  {
    rule: 'requirement-no-hashes',
    severity: 'notice',
    message: 'no hashes',
    file: 'requirements.txt',
    line: 1,
  },
]

describe('job summary', () => {
  const markdown = summaryMarkdown(report(findings), 4)

  it('has the stages with a mermaid chart, the findings, the dependency changes and what annotations left out', () => {
    expect(markdown).toContain('| Install (pip) | ok | 12.5 |')
    expect(markdown).toContain('```mermaid\npie showData')
    expect(markdown).toContain('"Install (pip)" : 12.50')
    expect(markdown).toContain('### Dependency changes (1)')
    expect(markdown).toContain('| 💥 major bump | idna | 2.10 | 3.10 | requirements.txt:2 |')
    expect(markdown).toContain("4 finding(s) did not fit GitHub's annotation limits")
    expect(markdown.indexOf('env-mismatch')).toBeLessThan(markdown.indexOf('requirement-no-hashes'))
  })

  it('escapes what users wrote: no HTML, no mention, no link, no new line', () => {
    for (const text of [markdown, commentBody(report(findings), commentMarker('.'), '.')]) {
      expect(text).not.toContain('<script>')
      expect(text).not.toContain('@org')
      expect(text).not.toContain('[x](')
      expect(text).not.toMatch(/^::error::/m)
    }
  })
})

describe('pull request comment', () => {
  it('starts with the marker and leaves dependency notices to the changes table', () => {
    const body = commentBody(report(findings), commentMarker('services/api'), 'services/api')
    expect(body.startsWith('<!-- setup-python-env:services/api -->')).toBe(true)
    expect(body).toContain('### ❌ setup-python-env (services/api)')
    expect(body).toContain('#### Dependency changes (1)')
    expect(body).toContain('compared with main')
  })
})
