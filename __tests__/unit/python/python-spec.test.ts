import { describe, expect, it } from '@jest/globals'
import * as fc from 'fast-check'
import { parsePythonSpec, specAccepts } from '../../../src/model/python-spec.js'

describe('parsePythonSpec', () => {
  it.each([
    ['3.11', ['==3.11.*'], {}],
    ['3.11.7', ['==3.11.7'], { exact: '3.11.7' }],
    ['3.11.x', ['==3.11.*'], {}],
    ['>=3.10,<3.13', ['>=3.10,<3.13'], {}],
    ['>= 3.10 <3.13', ['>=3.10,<3.13'], {}],
    ['~=3.11', ['~=3.11'], {}],
    ['^3.11', ['>=3.11,<4'], {}],
    ['~3.11', ['>=3.11,<3.12'], {}],
    ['>=3.8,<3.9 || >=3.11', ['>=3.8,<3.9', '>=3.11'], {}],
    ['3.13t', ['==3.13.*'], { freeThreaded: true }],
    ['pypy3.10', ['==3.10.*'], { implementation: 'pypy' }],
    ['3.14.0rc1', ['==3.14.0rc1'], { namesPrerelease: true, exact: '3.14.0rc1' }],
    ['3.14-dev', ['==3.14.*'], { namesPrerelease: true }],
  ])('%s → %j', (text, specifiers, extra) => {
    expect(parsePythonSpec(text)).toMatchObject({ specifiers, ...extra })
  })

  it.each(['banana', '', 'latest', '3.11-slim', '>=', 'python3', '3.11;rm -rf /'])(
    '%j is not a version',
    (text) => {
      expect(parsePythonSpec(text)).toBeUndefined()
    },
  )

  it.each([
    ['3.11', '3.11.7', true],
    ['3.11', '3.12.1', false],
    ['>=3.10,<3.13', '3.12.1', true],
    ['>=3.10,<3.13', '3.13.0', false],
    ['^3.11', '3.13.0', true],
    ['3.14', '3.14.0rc1', false],
    ['3.14.0rc1', '3.14.0rc1', true],
    ['3.14-dev', '3.14.0rc1', true],
  ])('%s accepts %s: %s', (text, version, accepted) => {
    const spec = parsePythonSpec(text)
    expect(spec && specAccepts(spec, version, false)).toBe(accepted)
  })

  it('never throws, and every spec it returns accepts the versions its own text names exactly', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const spec = parsePythonSpec(text)
        if (spec?.exact) expect(specAccepts(spec, spec.exact, false)).toBe(true)
      }),
      { numRuns: 1000 },
    )
    fc.assert(
      fc.property(fc.nat(3), fc.nat(20), fc.nat(30), (major, minor, patch) => {
        const spec = parsePythonSpec(`${major}.${minor}`)
        expect(spec && specAccepts(spec, `${major}.${minor}.${patch}`, false)).toBe(true)
      }),
    )
  })
})
