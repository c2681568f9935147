import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Rule } from '../drift/rule.js'
import type { Finding, Severity } from '../model/finding.js'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
}

export interface SarifTool {
  name: string
  version: string
  informationUri: string
}

/**
 * A SARIF 2.1.0 log of the findings, as GitHub code scanning accepts it: every rule described,
 * every result located (findings without a file point at `fallbackFile`, e.g. the lock).
 */
export function buildSarif(
  findings: readonly Finding[],
  rules: readonly Rule[],
  tool: SarifTool,
  fallbackFile: string,
  /** Distinguishes the projects of a monorepo, so one upload does not close another's alerts. */
  category = 'setup-python-env/',
): Record<string, unknown> {
  const index = new Map(rules.map((rule, i) => [rule.id, i]))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map(sarifRule),
          },
        },
        results: findings.map((finding) => sarifResult(finding, index, fallbackFile)),
        automationDetails: { id: category },
        columnKind: 'utf16CodeUnits',
      },
    ],
  }
}

function sarifRule(rule: Rule): Record<string, unknown> {
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\nFix: ${rule.fix}`,
      markdown: `${rule.description}\n\n**Fix:** ${rule.fix}`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['dependencies', 'reproducibility'] },
  }
}

function sarifResult(
  finding: Finding,
  index: ReadonlyMap<string, number>,
  fallbackFile: string,
): Record<string, unknown> {
  return {
    ruleId: finding.rule,
    ...(index.has(finding.rule) ? { ruleIndex: index.get(finding.rule) } : {}),
    level: LEVEL[finding.severity],
    message: { text: resultText(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file ?? fallbackFile, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.file ? (finding.line ?? 1) : 1,
            ...(finding.file && finding.endLine && finding.endLine >= (finding.line ?? 1)
              ? { endLine: finding.endLine }
              : {}),
          },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: fingerprint(finding) },
    ...(finding.advisory
      ? {
          properties: {
            advisoryId: finding.advisory.id,
            aliases: finding.advisory.aliases,
            helpUri: finding.advisory.url,
          },
        }
      : {}),
  }
}

function resultText(finding: Finding): string {
  const text = finding.fix ? `${finding.message} Fix: ${finding.fix}` : finding.message
  return finding.advisory ? `${text} Advisory: ${finding.advisory.url}` : text
}

/** Stable across runs for the same finding, so code scanning tracks it instead of reopening. */
function fingerprint(finding: Finding): string {
  const text = [finding.rule, finding.file ?? '', finding.package ?? '', finding.message].join('|')
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `${hash.toString(16).padStart(8, '0')}:1`
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash, ch: string) => ch.toUpperCase())
}

export function writeSarif(file: string, sarif: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(sarif, null, 2)}\n`)
}
