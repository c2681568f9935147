import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { parseWorkflowCommands } from '../../../scripts/local-runner/workflow-commands.js'
import type { Finding } from '../../../src/model/finding.js'
import { annotateFindings } from '../../../src/report/annotations.js'

/** What the real @actions/core prints for these findings, as the runner reads it. */
function printed(findings: Finding[]): string {
  const lines: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk))
    return true
  })
  try {
    annotateFindings(findings)
  } finally {
    spy.mockRestore()
  }
  return lines.join('')
}

describe('annotations carry hostile text as data, never as workflow commands', () => {
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it.each([
    ['a newline and a command in the message', 'bad\n::error title=pwned::injected'],
    ['an encoded newline in the message', 'bad%0A::warning::injected'],
    ['a carriage return', 'bad\r::notice::injected'],
    ['a stop-commands attempt', '\n::stop-commands::x\n::error::injected'],
  ])('%s', (_what, message) => {
    const finding: Finding = {
      rule: 'smoke-test-failed',
      severity: 'error',
      message,
      file: 'tests/a,b::c.py',
      line: 3,
      package: 'x',
    }
    const out = printed([finding])
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(1)
    const { annotations } = parseWorkflowCommands(out)
    expect(annotations).toEqual([
      { level: 'error', title: 'smoke-test-failed', file: 'tests/a,b::c.py', line: 3, message },
    ])
  })

  it('a hostile rule title or file cannot add properties', () => {
    const out = printed([
      {
        rule: 'x,file=evil.py,line=1::y' as Finding['rule'],
        severity: 'warning',
        message: 'm',
        file: 'a.txt,line=99',
        line: 2,
      },
    ])
    expect(parseWorkflowCommands(out).annotations).toEqual([
      { level: 'warning', title: 'x,file=evil.py,line=1::y', file: 'a.txt,line=99', line: 2, message: 'm' },
    ])
  })
})
