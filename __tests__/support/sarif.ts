import { expect } from '@jest/globals'

export type Json = Record<string, unknown>

/** The SARIF 2.1.0 schema's required properties, and what GitHub code scanning needs on top. */
export function expectValidSarif(log: Json): void {
  expect(log.version).toBe('2.1.0')
  expect(typeof log.$schema).toBe('string')
  const runs = log.runs as Json[]
  expect(Array.isArray(runs)).toBe(true)
  for (const run of runs) {
    const driver = (run.tool as Json).driver as Json
    expect(typeof driver.name).toBe('string')
    const rules = driver.rules as Json[]
    const ids = new Set<string>()
    for (const rule of rules) {
      expect(typeof rule.id).toBe('string')
      expect(ids.has(rule.id as string)).toBe(false)
      ids.add(rule.id as string)
      expect(typeof (rule.shortDescription as Json).text).toBe('string')
      expect(['none', 'note', 'warning', 'error']).toContain((rule.defaultConfiguration as Json).level)
    }
    for (const result of run.results as Json[]) {
      expect(typeof (result.message as Json).text).toBe('string')
      expect(ids.has(result.ruleId as string)).toBe(true)
      if (result.ruleIndex !== undefined) expect(rules[result.ruleIndex as number]?.id).toBe(result.ruleId)
      expect(['none', 'note', 'warning', 'error']).toContain(result.level)
      const locations = result.locations as Json[]
      expect(locations.length).toBeGreaterThan(0)
      for (const location of locations) {
        const physical = location.physicalLocation as Json
        const uri = (physical.artifactLocation as Json).uri as string
        expect(uri).not.toMatch(/^\/|\\/)
        const region = physical.region as Json
        expect(Number.isInteger(region.startLine) && (region.startLine as number) >= 1).toBe(true)
        if (region.endLine !== undefined)
          expect(region.endLine as number).toBeGreaterThanOrEqual(region.startLine as number)
      }
    }
  }
}
