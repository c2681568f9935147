import * as core from '@actions/core'
import { type GitHubApi, httpStatus } from '../github-api.js'
import { countBySeverity } from '../model/finding.js'
import { cell } from './markdown.js'
import type { RunReport } from './run-report.js'
import { changesTable, findingsTable } from './tables.js'

export type CommentMode = 'auto' | 'always' | 'never'
export type CommentOutcome = 'created' | 'updated' | 'skipped' | 'forbidden' | 'failed'

/** GitHub refuses comment bodies over 65,536 characters. */
const MAX_BODY = 65_000

/** One hidden marker per working directory, so a monorepo gets one comment per project. */
export function commentMarker(workingDirectory: string): string {
  const dir = workingDirectory.replace(/--+|[<>\s]/g, '_') || '.'
  return `<!-- setup-python-env:${dir} -->`
}

export function commentBody(report: RunReport, marker: string, workingDirectory: string): string {
  const counts = countBySeverity(report.findings)
  const where = workingDirectory && workingDirectory !== '.' ? ` (${cell(workingDirectory)})` : ''
  const status = counts.error > 0 ? '❌' : counts.warning > 0 ? '⚠️' : '✅'
  const parts = [
    marker,
    `### ${status} setup-python-env${where}`,
    `Python ${cell(report.python.version)}, ${cell(report.manager.name)} ${cell(report.manager.version)}: ${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices${report.baseRef ? ` compared with ${cell(report.baseRef)}` : ''}.`,
  ]
  const changes = report.dependencyChanges ?? []
  if (changes.length > 0)
    parts.push(`#### Dependency changes (${changes.length})`, changesTable(changes, 100))
  const shown = report.findings.filter((f) => f.rule !== 'dependency-changed' || f.severity !== 'notice')
  if (shown.length > 0) parts.push('#### Findings', findingsTable(shown, 100))
  let body = parts.join('\n\n')
  if (body.length > MAX_BODY)
    body = `${body.slice(0, MAX_BODY)}\n\n…cut; the job summary has the full report.`
  return `${body}\n`
}

/**
 * Creates or updates this project's comment (found by its marker; never a second one). `auto`
 * creates a comment only when there is something to say, but always updates an existing one.
 */
export async function upsertComment(
  api: GitHubApi,
  issue: number,
  marker: string,
  body: string,
  mode: CommentMode,
  worthSaying: boolean,
): Promise<CommentOutcome> {
  if (mode === 'never') return 'skipped'
  try {
    const existing = (await api.listComments(issue)).find((comment) => comment.body?.includes(marker))
    if (existing) {
      await api.updateComment(existing.id, body)
      core.info(`Updated the pull request comment ${existing.id}.`)
      return 'updated'
    }
    if (mode === 'auto' && !worthSaying) return 'skipped'
    const created = await api.createComment(issue, body)
    core.info(`Commented on pull request #${issue} (comment ${created.id}).`)
    return 'created'
  } catch (error) {
    const status = httpStatus(error)
    if (status === 403 || status === 404) {
      // Pull requests from forks get a read-only token: the summary still has everything.
      core.notice(
        `Could not comment on pull request #${issue} (HTTP ${status}): the token cannot write (a pull request from a fork, or 'pull-requests: write' missing). The job summary has the report.`,
        { title: 'setup-python-env comment' },
      )
      return 'forbidden'
    }
    core.warning(`Could not comment on pull request #${issue}: ${(error as Error).message}`)
    return 'failed'
  }
}
