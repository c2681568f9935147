import type { OsvRecord } from '../../src/advisories/osv-types.js'

/**
 * An advisory written for the tests (not from the real database): `name` versions from
 * `introduced` up to, not including, `fixed` are affected.
 */
export function advisory(
  id: string,
  name: string,
  range: { introduced?: string; fixed?: string; lastAffected?: string },
  extra: Partial<OsvRecord> = {},
): OsvRecord {
  const events = [
    { introduced: range.introduced ?? '0' },
    ...(range.fixed ? [{ fixed: range.fixed }] : []),
    ...(range.lastAffected ? [{ last_affected: range.lastAffected }] : []),
  ]
  return {
    id,
    summary: `Test advisory for ${name}`,
    aliases: [`CVE-2099-${id.slice(-4)}`],
    affected: [{ package: { ecosystem: 'PyPI', name }, ranges: [{ type: 'ECOSYSTEM', events }] }],
    database_specific: { severity: 'HIGH' },
    ...extra,
  }
}
