import type { DependencyChange } from '../drift/rules/dependency-changed.js'
import type { Finding } from '../model/finding.js'
import { sortFindings } from '../model/finding.js'
import type { StageTiming } from '../stage.js'
import { Raw, table } from './markdown.js'

export const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

const CHANGE_ICON: Record<DependencyChange['kind'], string> = {
  added: '➕ added',
  removed: '➖ removed',
  upgraded: '⬆️ upgraded',
  downgraded: '⬇️ downgraded',
  major: '💥 major bump',
}

/** Findings, most severe first; rows beyond `max` are counted, not shown. */
export function findingsTable(findings: readonly Finding[], max: number): string {
  const sorted = sortFindings(findings)
  const rows = sorted
    .slice(0, max)
    .map((f) => [
      new Raw(ICON[f.severity]),
      f.rule,
      f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '',
      f.message,
      f.fix,
    ])
  const more =
    sorted.length > max
      ? `\n\n…and ${sorted.length - max} more (see the findings output or the SARIF file).`
      : ''
  return `${table(['', 'Rule', 'Where', 'Message', 'Fix'], rows)}${more}`
}

export function changesTable(changes: readonly DependencyChange[], max: number): string {
  const withAdvisories = changes.some((c) => c.introduces || c.fixes)
  const rows = changes.slice(0, max).map((c) => {
    const row = [
      new Raw(CHANGE_ICON[c.kind]),
      c.name,
      c.from ?? '',
      c.to ?? '',
      `${c.file}${c.line ? `:${c.line}` : ''}`,
    ]
    return withAdvisories ? [...row, advisoryWords(c)] : row
  })
  const more = changes.length > max ? `\n\n…and ${changes.length - max} more.` : ''
  const header = ['Change', 'Package', 'Base', 'This PR', 'Where']
  return `${table(withAdvisories ? [...header, 'Advisories'] : header, rows)}${more}`
}

/** "introduces GHSA-…", "fixes GHSA-…": what a change does to the known vulnerabilities. */
function advisoryWords(change: DependencyChange): string {
  const parts: string[] = []
  if (change.introduces) parts.push(`❗ introduces ${change.introduces.join(', ')}`)
  if (change.fixes) parts.push(`✅ fixes ${change.fixes.join(', ')}`)
  return parts.join('; ')
}

/** A mermaid pie of the time per stage: which stage dominates reads faster than a column of numbers. */
export function stagesChart(timings: readonly StageTiming[]): string {
  const slices = timings
    .filter((t) => t.seconds > 0)
    .map((t) => `    "${t.stage.replace(/["\\\n]/g, '')}" : ${t.seconds.toFixed(2)}`)
  if (slices.length === 0) return ''
  return ['```mermaid', 'pie showData', '    title Seconds per stage', ...slices, '```'].join('\n')
}
