import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { cell, table } from '../../../src/report/markdown.js'

describe('markdown cells', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[click](https://evil)', '\\[click\\](https://evil)'],
    ['@team please', '&#64;team please'],
    ['line\nbreak', 'line break'],
    ['`code` *bold* _it_', '\\`code\\` \\*bold\\* \\_it\\_'],
  ])('escapes %j', (input, expected) => {
    expect(cell(input)).toBe(expected)
  })

  it('never lets user text add a row, a column, a tag or a mention', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const rendered = table(['a'], [[text]])
        const lines = rendered.split('\n')
        expect(lines).toHaveLength(3)
        const body = lines[2] ?? ''
        expect(body.replace(/\\\|/g, '').split('|')).toHaveLength(3)
        expect(body).not.toMatch(/[<>@]/)
      }),
    )
  })
})
