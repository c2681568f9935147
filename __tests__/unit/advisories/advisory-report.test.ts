import { describe, expect, it } from '@jest/globals'
import { entryKey } from '../../../src/advisories/advisory-cache.js'
import type { AdvisoryLookup } from '../../../src/advisories/osv-types.js'
import { advisoryQueries } from '../../../src/drift/advisory-queries.js'
import { advisorySeverity, advisoryUrl } from '../../../src/drift/advisory-text.js'
import { withAdvisories } from '../../../src/drift/change-advisories.js'
import type { Finding } from '../../../src/model/finding.js'
import { auditStatus, vulnerabilitiesTable } from '../../../src/report/vulnerabilities.js'
import { advisory } from '../../support/advisories.js'
import { driftContext, lock } from '../drift/drift-context.js'

const six = advisory('GHSA-t3st-s1x0-0001', 'six', { fixed: '1.17.0' })
const checked: AdvisoryLookup = {
  status: 'checked',
  source: 'service',
  byPackage: { 'six==1.16.0': [six.id] },
  records: { [six.id]: six },
}

function vulnerable(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'vulnerable-dependency',
    severity: 'warning',
    message: 'six 1.16.0 is affected',
    file: 'requirements.txt',
    line: 2,
    package: 'six',
    from: '1.16.0',
    to: '1.17.0',
    advisory: { id: six.id, aliases: ['CVE-2099-0001'], url: 'https://osv.dev/vulnerability/X(1)' },
    ...overrides,
  }
}

describe('the advisory lookup in the report', () => {
  it.each([
    [undefined, 'not run'],
    [{ status: 'skipped', reason: "input 'audit' is false" }, "off (input 'audit' is false)"],
    [{ status: 'unavailable', reason: 'HTTP 500' }, 'not checked: HTTP 500'],
    [{ ...checked, byPackage: {} }, 'no known advisories'],
  ] as [AdvisoryLookup | undefined, string][])('status of %j', (lookup, text) => {
    expect(auditStatus(lookup, [])).toBe(text)
  })

  it('counts the advisories and says when they came from the cache', () => {
    expect(auditStatus(checked, [vulnerable()])).toBe('1 advisory')
    expect(auditStatus({ ...checked, source: 'cache' }, [vulnerable(), vulnerable()])).toMatch(
      /^2 advisories \(answers reused/,
    )
  })

  it('groups findings by package version, links each advisory and names the highest fix', () => {
    const table = vulnerabilitiesTable([
      vulnerable(),
      vulnerable({ to: '1.18.0', advisory: { id: 'PYSEC-1', aliases: [], url: 'https://x.test/p' } }),
      vulnerable({ package: 'idna', from: '2.0', to: undefined, file: undefined, line: undefined }),
      { rule: 'lock-stale', severity: 'error', message: 'x' },
    ])
    expect(table).toContain('[GHSA-t3st-s1x0-0001](https://osv.dev/vulnerability/X%281%29) (CVE-2099-0001)')
    expect(table).toMatch(/\| six \| 1\.16\.0 \|.*\| 1\.18\.0 \| requirements\.txt:2 \|/)
    expect(table).toMatch(/\| idna \| 2\.0 \|.*\| no fix published \| installed, not locked \|/)
    expect(vulnerabilitiesTable([])).toBeUndefined()
  })
})

describe('advisory texts', () => {
  it('links the ADVISORY reference, else the osv.dev page', () => {
    expect(advisoryUrl({ id: 'A', references: [{ type: 'ADVISORY', url: 'https://example.test/a' }] })).toBe(
      'https://example.test/a',
    )
    expect(advisoryUrl({ id: 'A B', references: [{ type: 'ADVISORY', url: 'javascript:x' }] })).toBe(
      'https://osv.dev/vulnerability/A%20B',
    )
  })

  it.each([
    [{ id: 'A', database_specific: { severity: 'moderate' } }, 'MODERATE'],
    [{ id: 'A', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }] }, 'CVSS:3.1/AV:N'],
    [{ id: 'A' }, undefined],
  ])('severity of %j', (record, severity) => {
    expect(advisorySeverity(record)).toBe(severity)
  })
})

describe('which versions are asked about', () => {
  it('asks for the installed set, skips the project itself, and adds base versions a PR changes', () => {
    const ctx = driftContext({
      projectName: 'My_App',
      installed: [
        { name: 'Six', version: '1.17.0' },
        { name: 'my-app', version: '0.1.0' },
      ],
      locks: [lock('requirements.txt', { six: '1.17.0' })],
    })
    ctx.base = {
      ref: 'main',
      locks: [lock('requirements.txt', { six: '1.16.0', idna: '2.0' })],
      manifests: [],
      changedFiles: ['requirements.txt'],
    }
    expect(advisoryQueries(ctx)).toEqual([
      { name: 'six', version: '1.17.0' },
      { name: 'six', version: '1.16.0' },
      { name: 'idna', version: '2.0' },
    ])
  })

  it('asks for the locked set when nothing was installed', () => {
    expect(advisoryQueries(driftContext({ locks: [lock('r.txt', { six: '1.16.0' })] }))).toEqual([
      { name: 'six', version: '1.16.0' },
    ])
  })
})

describe('dependency changes and advisories', () => {
  it('marks what a change introduces and what it fixes', () => {
    const changes = withAdvisories(
      [
        { kind: 'upgraded', name: 'six', from: '1.16.0', to: '1.17.0', file: 'r.txt' },
        { kind: 'downgraded', name: 'six', from: '1.17.0', to: '1.16.0', file: 'r.txt' },
        { kind: 'added', name: 'idna', to: '3.0', file: 'r.txt' },
      ],
      checked,
    )
    expect(changes[0]?.fixes).toEqual([six.id])
    expect(changes[1]?.introduces).toEqual([six.id])
    expect(changes[2]).toEqual({ kind: 'added', name: 'idna', to: '3.0', file: 'r.txt' })
    expect(withAdvisories(changes, undefined)).toEqual(changes)
  })
})

describe('the advisory cache key', () => {
  it('depends on the service, the package set (in any order) and the day', () => {
    const day = new Date('2026-12-03T10:00:00Z')
    const a = entryKey(
      'https://api.osv.dev',
      [
        { name: 'a', version: '1' },
        { name: 'b', version: '2' },
      ],
      day,
    )
    expect(a).toMatch(/^setup-python-env-osv-v1-2026-12-03-[0-9a-f]{40}$/)
    expect(
      entryKey(
        'https://api.osv.dev',
        [
          { name: 'b', version: '2' },
          { name: 'a', version: '1' },
        ],
        day,
      ),
    ).toBe(a)
    expect(entryKey('https://mirror.test', [{ name: 'a', version: '1' }], day)).not.toBe(a)
    expect(
      entryKey(
        'https://api.osv.dev',
        [
          { name: 'a', version: '1' },
          { name: 'b', version: '2' },
        ],
        new Date('2026-12-04T00:00:00Z'),
      ),
    ).not.toBe(a)
  })
})
