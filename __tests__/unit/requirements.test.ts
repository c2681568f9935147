import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { UserError } from '../../src/errors.js'
import { isPinned, parseRequirements } from '../../src/project/requirements.js'

describe('parseRequirements', () => {
  it.each([
    ['numpy==1.26.4', { name: 'numpy', specifier: '==1.26.4', line: 1 }],
    ['Scikit_Learn >= 1.3, <2', { name: 'scikit-learn', specifier: '>=1.3,<2', line: 1 }],
    [
      'requests[socks,security]==2.32.3',
      { name: 'requests', specifier: '==2.32.3', extras: ['socks', 'security'] },
    ],
    [
      "torch==2.1.0 ; python_version >= '3.10'",
      { name: 'torch', specifier: '==2.1.0', marker: "python_version >= '3.10'" },
    ],
    ['six==1.17.0  # pinned for py2 compat', { name: 'six', specifier: '==1.17.0' }],
    [
      'pkg @ https://example.invalid/pkg-1.0.tar.gz',
      { name: 'pkg', url: 'https://example.invalid/pkg-1.0.tar.gz' },
    ],
    [
      'git+https://example.invalid/repo.git#egg=mylib',
      { name: 'mylib', url: 'git+https://example.invalid/repo.git#egg=mylib' },
    ],
  ])('reads %s', (line, expected) => {
    const [requirement] = parseRequirements(line, 'requirements.txt').requirements
    expect(requirement).toMatchObject(expected)
  })

  it('joins continuation lines and keeps the first line number and the hashes', () => {
    const text = '# header\nflask==3.0.0 \\\n    --hash=sha256:aaa \\\n    --hash=sha256:bbb\nsix==1.17.0\n'
    const { requirements } = parseRequirements(text, 'requirements.txt')
    expect(requirements).toEqual([
      expect.objectContaining({ name: 'flask', line: 2, endLine: 4, hashes: ['sha256:aaa', 'sha256:bbb'] }),
      expect.objectContaining({ name: 'six', line: 5 }),
    ])
  })

  it('records includes, constraints, editables and options', () => {
    const text =
      '-r base.txt\n--requirement=dev.txt\n-c constraints.txt\n-e .\n--index-url https://pypi.invalid/simple\n'
    const parsed = parseRequirements(text, 'r.txt')
    expect(parsed.includes).toEqual([
      { kind: 'requirement', path: 'base.txt', line: 1 },
      { kind: 'requirement', path: 'dev.txt', line: 2 },
      { kind: 'constraint', path: 'constraints.txt', line: 3 },
    ])
    expect(parsed.requirements).toEqual([expect.objectContaining({ editable: true, url: '.', line: 4 })])
    expect(parsed.options).toEqual([{ name: '--index-url', value: 'https://pypi.invalid/simple', line: 5 }])
  })

  it('points a malformed line at its file and line', () => {
    expect(() => parseRequirements('six==1.0\nnumpy=>1.0\n', 'requirements.txt')).toThrow(
      expect.objectContaining({ file: 'requirements.txt', line: 2 }),
    )
  })

  it.each([
    ['a==1.0', true],
    ['a===1.0', true],
    ['a>=1.0', false],
    ['a==1.*', false],
    ['a', false],
    ['a==1.0,<2', false],
  ])('isPinned(%s) is %s', (line, pinned) => {
    const [requirement] = parseRequirements(line, 'r.txt').requirements
    expect(requirement && isPinned(requirement)).toBe(pinned)
  })

  it('returns requirements or a UserError for any text, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (text) => {
        try {
          parseRequirements(text, 'requirements.txt')
        } catch (error) {
          expect(error).toBeInstanceOf(UserError)
        }
      }),
      { numRuns: 500 },
    )
  })
})
