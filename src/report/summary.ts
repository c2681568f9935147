import * as core from '@actions/core'
import { countBySeverity, sortFindings } from '../drift/finding.js'
import { table } from './markdown.js'
import type { RunReport } from './run-report.js'

const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

/** Builds the job summary markdown: environment, stages with times, findings, packages. */
export function summaryMarkdown(report: RunReport, leftOutAnnotations: number): string {
  const counts = countBySeverity(report.findings)
  const parts: string[] = ['## setup-python-env']
  parts.push(
    table(
      ['', ''],
      [
        ['Python', `${report.python.version} (${report.python.source})`],
        ['Manager', `${report.manager.name} ${report.manager.version}`],
        ['Environment', report.venvPath],
        ['Packages installed', report.installed.length],
        [
          'Smoke test',
          report.smokeTest.command
            ? `${report.smokeTest.result}: ${report.smokeTest.command}`
            : report.smokeTest.result,
        ],
        ['Findings', `${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices`],
      ],
    ),
  )
  parts.push(
    '### Stages',
    table(
      ['Stage', 'Outcome', 'Seconds'],
      report.timings.map((t) => [t.stage, t.outcome, t.seconds.toFixed(1)]),
    ),
  )
  if (report.findings.length > 0) {
    parts.push(
      '### Findings',
      table(
        ['', 'Rule', 'Where', 'Message', 'Fix'],
        sortFindings(report.findings).map((f) => [
          ICON[f.severity],
          f.rule,
          f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '',
          f.message,
          f.fix,
        ]),
      ),
    )
    if (leftOutAnnotations > 0) {
      parts.push(
        `${leftOutAnnotations} finding(s) did not fit GitHub's annotation limits and are listed only here.`,
      )
    }
  }
  if (report.installed.length > 0) {
    parts.push(
      `<details><summary>Installed packages (${report.installed.length})</summary>\n\n${table(
        ['Package', 'Version'],
        report.installed.map((pkg) => [pkg.name, pkg.version]),
      )}\n\n</details>`,
    )
  }
  return `${parts.join('\n\n')}\n`
}

export async function writeSummary(report: RunReport, leftOutAnnotations: number): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(summaryMarkdown(report, leftOutAnnotations)).write()
}
