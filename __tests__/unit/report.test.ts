import { describe, expect, it } from '@jest/globals'
import { venvLayout } from '../../src/managers/venv-layout.js'
import type { Finding } from '../../src/model/finding.js'
import { sortFindings } from '../../src/model/finding.js'
import { failureMessage } from '../../src/report/exit-decision.js'
import { cell, table } from '../../src/report/markdown.js'

const finding = (severity: Finding['severity'], file?: string, line?: number): Finding => ({
  rule: 'lock-stale',
  severity,
  message: 'm',
  file,
  line,
})

describe('failureMessage', () => {
  it.each([
    ['error', ['error'], true],
    ['error', ['warning', 'notice'], false],
    ['warning', ['warning'], true],
    ['warning', ['notice'], false],
    ['never', ['error'], false],
  ] as const)('fail-on %s with %j fails: %s', (failOn, severities, fails) => {
    const message = failureMessage(
      severities.map((s) => finding(s)),
      failOn,
    )
    expect(message !== undefined).toBe(fails)
  })
})

describe('sortFindings', () => {
  it('puts the most severe first, then orders by file and line', () => {
    const sorted = sortFindings([
      finding('notice', 'a', 1),
      finding('error', 'b', 9),
      finding('error', 'b', 2),
      finding('warning'),
    ])
    expect(sorted.map((f) => `${f.severity}:${f.line ?? ''}`)).toEqual([
      'error:2',
      'error:9',
      'warning:',
      'notice:1',
    ])
  })
})

describe('markdown cells', () => {
  it('escapes pipes, HTML and newlines so user text cannot break the summary', () => {
    expect(cell('a|b <script>\nx')).toBe('a\\|b &lt;script&gt; x')
    expect(table(['h'], [['v']])).toBe('| h |\n| --- |\n| v |')
  })
})

describe('venvLayout', () => {
  it.each([
    ['linux', '/w/.venv', '/w/.venv/bin', '/w/.venv/bin/python'],
    ['darwin', '/w/.venv', '/w/.venv/bin', '/w/.venv/bin/python'],
    ['win32', 'D:\\a\\.venv', 'D:\\a\\.venv\\Scripts', 'D:\\a\\.venv\\Scripts\\python.exe'],
  ] as const)('on %s keeps programs where that platform puts them', (platform, root, binDir, python) => {
    expect(venvLayout(root, platform)).toEqual({ root, binDir, python })
  })
})
