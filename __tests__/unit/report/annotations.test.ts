import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import type { Finding } from '../../../src/model/finding.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { annotateFindings } = await import('../../../src/report/annotations.js')

const finding = (severity: Finding['severity'], line: number): Finding => ({
  rule: 'requirement-unpinned',
  severity,
  message: `m${line}`,
  file: 'requirements.txt',
  line,
  endLine: line + 1,
  fix: 'pin it',
})

describe('annotations', () => {
  beforeEach(() => {
    jest.clearAllMocks()
  })

  it('emits the most severe first, at most 10 per level, and counts what was left out', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('notice', i + 1)),
      ...Array.from({ length: 3 }, (_, i) => finding('error', 100 + i)),
    ]
    const result = annotateFindings(findings)
    expect(result).toEqual({ shown: 13, leftOut: 2 })
    expect(coreMock.error).toHaveBeenCalledTimes(3)
    expect(coreMock.notice).toHaveBeenCalledTimes(10)
    expect(coreMock.error).toHaveBeenCalledWith('m100 Fix: pin it', {
      title: 'requirement-unpinned',
      file: 'requirements.txt',
      startLine: 100,
      endLine: 101,
    })
  })

  it('cuts messages at GitHub’s 4,096 characters', () => {
    annotateFindings([{ ...finding('warning', 1), message: 'x'.repeat(5000) }])
    const text = coreMock.warning.mock.calls[0]?.[0] as string
    expect(text.length).toBe(4096)
  })
})
