import * as core from '@actions/core'
import { countBySeverity } from '../model/finding.js'
import { table } from './markdown.js'
import type { RunReport } from './run-report.js'
import { changesTable, findingsTable, stagesChart } from './tables.js'
import { auditStatus, vulnerabilitiesTable } from './vulnerabilities.js'

/** The job summary allows 1 MiB per step; long lists are cut well before that. */
const MAX_ROWS = 500

/** Builds the job summary markdown: environment, stages with times, findings, dependency changes, packages. */
export function summaryMarkdown(report: RunReport, leftOutAnnotations: number): string {
  const counts = countBySeverity(report.findings)
  const parts: string[] = ['## setup-python-env']
  const rows: (string | number)[][] = [
    ['Python', `${report.python.version} (${report.python.source})`],
    ['Manager', `${report.manager.name} ${report.manager.version}`],
    ['Environment', report.venvPath],
    ['Packages installed', report.installed.length],
  ]
  if (report.cache) rows.push(['Cache', cacheLine(report.cache)])
  rows.push([
    'Smoke test',
    report.smokeTest.command
      ? `${report.smokeTest.result}: ${report.smokeTest.command}`
      : report.smokeTest.result,
  ])
  if (report.importSmoke) rows.push(['Import smoke', `${report.importSmoke.checked} modules imported`])
  rows.push(['Vulnerabilities', auditStatus(report.advisories, report.findings)])
  if (report.baseRef) rows.push(['Compared with', report.baseRef])
  rows.push(['Findings', `${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices`])
  if (report.sarifFile) rows.push(['SARIF', report.sarifFile])
  parts.push(table(['', ''], rows))
  parts.push(
    '### Stages',
    table(
      ['Stage', 'Outcome', 'Seconds'],
      report.timings.map((t) => [t.stage, t.outcome, t.seconds.toFixed(1)]),
    ),
  )
  const chart = stagesChart(report.timings)
  if (chart) parts.push(`<details><summary>Time per stage (chart)</summary>\n\n${chart}\n\n</details>`)
  if (report.findings.length > 0) {
    parts.push('### Findings', findingsTable(report.findings, MAX_ROWS))
    if (leftOutAnnotations > 0) {
      parts.push(
        `${leftOutAnnotations} finding(s) did not fit GitHub's annotation limits (10 per level per step) and are listed only here and in the SARIF file.`,
      )
    }
  }
  const vulnerabilities = vulnerabilitiesTable(report.findings)
  if (vulnerabilities) parts.push('### Known vulnerabilities', vulnerabilities)
  const changes = report.dependencyChanges ?? []
  if (changes.length > 0) {
    parts.push(`### Dependency changes (${changes.length})`, changesTable(changes, MAX_ROWS))
  }
  if (report.installed.length > 0) {
    parts.push(
      `<details><summary>Installed packages (${report.installed.length})</summary>\n\n${table(
        ['Package', 'Version'],
        report.installed.slice(0, 5000).map((pkg) => [pkg.name, pkg.version]),
      )}\n\n</details>`,
    )
  }
  return `${parts.join('\n\n')}\n`
}

export async function writeSummary(report: RunReport, leftOutAnnotations: number): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(summaryMarkdown(report, leftOutAnnotations)).write()
}

function cacheLine(cache: NonNullable<RunReport['cache']>): string {
  if (cache.hit === 'off') return `off (${cache.reason ?? 'disabled'})`
  const hit = {
    exact: 'exact hit, install skipped',
    partial: `partial hit on ${cache.matchedKey}`,
    miss: 'miss',
  }[cache.hit]
  return `${hit}; key ${cache.key}`
}
