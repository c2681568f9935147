import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { IgnoreStack, parseGitignore } from '../../../src/discover/gitignore.js'

describe('.gitignore rules (the walk without git)', () => {
  const root = new IgnoreStack().with(
    '',
    parseGitignore('# comment\nscratch/\n*.log\n/build\n!keep.log\ndocs/*.tmp\n'),
  )
  it.each([
    ['scratch', true, true],
    ['scratch', false, false],
    ['a/scratch', true, true],
    ['x.log', false, true],
    ['keep.log', false, false],
    ['build', true, true],
    ['a/build', true, false],
    ['docs/x.tmp', false, true],
    ['a/docs/x.tmp', false, false],
    ['src', true, false],
  ])('%s (folder: %s) ignored: %s', (file, isFolder, expected) => {
    expect(root.ignores(file, isFolder)).toBe(expected)
  })

  it('a nested .gitignore applies below its folder only', () => {
    const nested = root.with('services', parseGitignore('generated\n'))
    expect(nested.ignores('services/generated', true)).toBe(true)
    expect(nested.ignores('libs/generated', true)).toBe(false)
  })
})

describe('any .gitignore text', () => {
  it('gives rules that answer for any path, never an exception', () => {
    const fragments = fc.constantFrom(
      '*',
      '**',
      '/',
      '!',
      '#',
      '[',
      ']',
      '\\',
      '?',
      'a',
      '.',
      ' ',
      '\n',
      '\r\n',
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 30 }),
        fc.string(),
        (parts, file) => {
          const stack = new IgnoreStack().with('', parseGitignore(parts.join('')))
          expect(typeof stack.ignores(file, false)).toBe('boolean')
        },
      ),
    )
  })
})
