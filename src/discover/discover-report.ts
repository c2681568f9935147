import * as core from '@actions/core'
import { Raw, table } from '../report/markdown.js'
import type { FoundProject } from './find-projects.js'
import type { DiscoverReason, ListedProject } from './select-projects.js'

/** One entry of the `projects` output and of `matrix.include`. */
export interface ProjectEntry {
  'working-directory': string
  manager: string
  'python-version': string
  'lock-file': string
  reason: DiscoverReason
  /** A uv workspace member's name (`uv sync --package`). */
  package?: string
}

export function projectEntry(listed: ListedProject): ProjectEntry {
  const { project } = listed
  const entry: ProjectEntry = {
    'working-directory': project.dir,
    manager: project.manager,
    'python-version': project.pythonVersion,
    'lock-file': project.lockFile,
    reason: listed.reason,
  }
  if (project.workspaceRoot !== undefined && project.name) entry.package = project.name
  return entry
}

export interface DiscoveryReport {
  found: readonly FoundProject[]
  listed: readonly ListedProject[]
  /** The base compared with and how, when there was one. */
  base?: string
  via?: 'git' | 'api'
  filesSeen: number
  listedBy: 'git' | 'walk'
  milliseconds: number
}

const REASON: Record<DiscoverReason, string> = {
  changed: '✏️ changed',
  'dependency-changed': '🔗 dependency changed',
  all: '📦 all',
}

/** Sets `projects`, `matrix` and `count` and writes the job summary. */
export async function reportDiscovery(report: DiscoveryReport): Promise<void> {
  const entries = [...report.listed].sort(byDir).map(projectEntry)
  core.setOutput('projects', JSON.stringify(entries))
  core.setOutput('matrix', JSON.stringify({ include: entries }))
  core.setOutput('count', entries.length)
  for (const listed of report.listed) core.info(`${listed.project.dir}: ${listed.reason} (${listed.because})`)
  await core.summary.addRaw(discoverySummary(report)).write()
}

const MAX_ROWS = 1000

/** By path, code point by code point: the same order on every runner whatever its locale. */
function byDir(a: ListedProject, b: ListedProject): number {
  return a.project.dir < b.project.dir ? -1 : a.project.dir > b.project.dir ? 1 : 0
}

export function discoverySummary(report: DiscoveryReport): string {
  const listed = [...report.listed].sort(byDir)
  const shown = new Set(listed.map((entry) => entry.project))
  const rest = report.found.filter((project) => !shown.has(project)).map((project) => project.dir)
  const parts = ['## setup-python-env: discover']
  const rows: (string | number)[][] = [
    ['Projects found', `${report.found.length} (in ${report.filesSeen} files listed by ${report.listedBy})`],
    ['Listed', listed.length],
    ['Compared with', report.base ? `${report.base} (${report.via ?? 'not compared'})` : 'nothing'],
    ['Discovery took', `${Math.round(report.milliseconds)} ms`],
  ]
  parts.push(table(['', ''], rows))
  if (listed.length === 0) parts.push('No project is touched by this change: the setup jobs are skipped.')
  else {
    parts.push(
      table(
        ['Project', 'Manager', 'Python', 'Lock file', 'Reason', 'Why'],
        listed
          .slice(0, MAX_ROWS)
          .map((entry) => [
            entry.project.dir,
            entry.project.manager,
            entry.project.pythonVersion,
            entry.project.lockFile,
            new Raw(REASON[entry.reason]),
            entry.because,
          ]),
      ),
    )
    if (listed.length > MAX_ROWS)
      parts.push(`…and ${listed.length - MAX_ROWS} more (see the projects output).`)
  }
  if (rest.length > 0) {
    parts.push(
      `<details><summary>Not listed: unchanged (${rest.length})</summary>\n\n${table(
        ['Project'],
        rest.slice(0, MAX_ROWS).map((dir) => [dir]),
      )}\n\n</details>`,
    )
  }
  return `${parts.join('\n\n')}\n`
}
