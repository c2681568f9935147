import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { OsvEvent, OsvRecord } from '../../../src/advisories/osv-types.js'
import { affectsVersion, lowestFixAbove, serviceMatchHolds } from '../../../src/drift/osv-ranges.js'
import { advisory } from '../../support/advisories.js'

const twoRanges: OsvRecord = {
  id: 'TEST-2',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'Some_Package' },
      ranges: [
        { type: 'ECOSYSTEM', events: [{ fixed: '1.2' }, { introduced: '1.0' }] },
        { type: 'ECOSYSTEM', events: [{ introduced: '2.0' }, { last_affected: '2.1.3' }] },
        { type: 'GIT', events: [{ introduced: 'abc' }] },
      ],
      versions: ['0.9.1'],
    },
  ],
}

describe('OSV ranges', () => {
  it.each([
    ['0.9', false],
    ['0.9.1', true], // listed explicitly
    ['1.0', true],
    ['1.1.9', true],
    ['1.2', false],
    ['1.2.0', false],
    ['1.5', false],
    ['2.0', true],
    ['2.1.3', true],
    ['2.1.4', false],
    ['1.1rc1', true],
  ])('some-package %s affected: %s', (version, expected) => {
    expect(affectsVersion(twoRanges, 'some-package', version)).toBe(expected)
  })

  it('matches names by PEP 503 normalisation and only in the PyPI ecosystem', () => {
    expect(affectsVersion(twoRanges, 'some.package', '1.1')).toBe(true)
    const npm: OsvRecord = {
      ...twoRanges,
      affected: [{ ...twoRanges.affected?.[0], package: { ecosystem: 'npm', name: 'some-package' } }],
    }
    expect(affectsVersion(npm, 'some-package', '1.1')).toBe(false)
  })

  it.each([
    ['1.0', '1.2'],
    ['1.1.9', '1.2'],
    ['2.0', undefined], // last_affected gives no fix
  ])('the lowest fix above %s is %s', (version, fix) => {
    expect(lowestFixAbove(twoRanges, 'some-package', version)).toBe(fix)
  })

  it('takes the lowest of several fixed versions above the installed one', () => {
    const record = advisory('TEST-3', 'six', { introduced: '0', fixed: '1.17.0' })
    record.affected?.push({
      package: { ecosystem: 'PyPI', name: 'six' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.16.1' }] }],
    })
    expect(lowestFixAbove(record, 'six', '1.16.0')).toBe('1.16.1')
  })

  it('trusts the service when a record has no PyPI ranges, and overrules it when the ranges exclude the version', () => {
    expect(serviceMatchHolds({ id: 'X' }, 'six', '1.0')).toBe(true)
    expect(serviceMatchHolds(undefined, 'six', '1.0')).toBe(true)
    expect(serviceMatchHolds(advisory('X', 'six', { fixed: '1.17.0' }), 'six', '1.17.0')).toBe(false)
  })

  it('never throws, whatever the record holds', () => {
    const event = fc.record(
      { introduced: fc.string(), fixed: fc.string(), last_affected: fc.string(), limit: fc.string() },
      { requiredKeys: [] },
    ) as fc.Arbitrary<OsvEvent>
    const record = fc.record({
      id: fc.string(),
      affected: fc.array(
        fc.record({
          package: fc.record({
            ecosystem: fc.constantFrom('PyPI', 'npm'),
            name: fc.constantFrom('six', 'x'),
          }),
          ranges: fc.array(
            fc.record({ type: fc.constantFrom('ECOSYSTEM', 'SEMVER'), events: fc.array(event) }),
          ),
          versions: fc.array(fc.string()),
        }),
      ),
    })
    fc.assert(
      fc.property(record, fc.string(), (r, version) => {
        affectsVersion(r, 'six', version)
        lowestFixAbove(r, 'six', version)
      }),
    )
  })
})
