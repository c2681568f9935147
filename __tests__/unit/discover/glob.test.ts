import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { globToRegExp, PathFilter } from '../../../src/discover/glob.js'

describe('globToRegExp', () => {
  it.each([
    ['services/*', 'services/api', true],
    ['services/*', 'services/api/v2', false],
    ['services/**', 'services/api/v2', true],
    ['**/api', 'services/api', true],
    ['**/api', 'api', true],
    ['libs/**/core', 'libs/core', true],
    ['libs/**/core', 'libs/a/b/core', true],
    ['lib?', 'libs', true],
    ['lib?', 'lib/x', false],
    ['[ab]pp', 'app', true],
    ['[!ab]pp', 'app', false],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected)
  })

  it('any text gives a RegExp that matches the text itself when it has no glob characters', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const pattern = globToRegExp(text)
        if (!/[*?[]/.test(text)) expect(pattern.test(text)).toBe(true)
      }),
    )
  })
})

describe('PathFilter (discover-paths)', () => {
  it.each([
    [[], 'anything/here', true],
    [['services'], 'services/api', true],
    [['services/**'], 'services/api', true],
    [['services/*'], 'libs/core', false],
    [['!services/legacy'], 'services/legacy/old', false],
    [['!services/legacy'], 'services/api', true],
    [['services/**', '!services/legacy'], 'services/legacy', false],
    [['!services/legacy', 'services/**'], 'services/legacy', true],
    [['./libs/'], 'libs/core', true],
    [['.'], '.', true],
  ])('%j includes %s: %s', (patterns, folder, expected) => {
    expect(new PathFilter(patterns).includes(folder)).toBe(expected)
  })
})
