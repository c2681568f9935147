import * as path from 'node:path'
import * as core from '@actions/core'
import { RULES } from '../drift/registry.js'
import { GitHubApi } from '../github-api.js'
import type { Inputs } from '../inputs.js'
import { relativePosix } from '../paths.js'
import type { Runner } from '../runner.js'
import { annotateFindings } from './annotations.js'
import { setOutputs } from './outputs.js'
import { commentBody, commentMarker, upsertComment } from './pr-comment.js'
import { pullRequestNumber } from './pull-request.js'
import type { RunReport } from './run-report.js'
import { buildSarif, writeSarif } from './sarif.js'
import { writeSummary } from './summary.js'

const TOOL = {
  name: 'setup-python-env',
  version: '0.1.0',
  informationUri: 'https://github.com/setup-python-env/setup-python-env',
}

/** Annotations, SARIF, outputs, job summary and the pull request comment, in that order. */
export async function reportRun(report: RunReport, inputs: Inputs, runner: Runner): Promise<void> {
  const annotated = annotateFindings(report.findings)
  const project = relativePosix(inputs.workspace, inputs.workingDirectory) || '.'
  const slug = project === '.' ? 'root' : project.replace(/[^A-Za-z0-9._-]+/g, '-')
  const sarifFile = path.join(runner.tempRoot, 'setup-python-env', `${slug}.sarif`)
  const fallbackFile =
    report.project.requirementsFiles[0]?.file ??
    report.project.installable?.file ??
    report.project.pythonVersionSources.find((source) => source.file)?.file ??
    `${project === '.' ? '' : `${project}/`}README.md`
  writeSarif(sarifFile, buildSarif(report.findings, RULES, TOOL, fallbackFile, `setup-python-env/${slug}/`))
  report.sarifFile = sarifFile
  setOutputs(report)
  await writeSummary(report, annotated.leftOut)
  await commentOnPullRequest(report, inputs, runner, project)
}

async function commentOnPullRequest(
  report: RunReport,
  inputs: Inputs,
  runner: Runner,
  project: string,
): Promise<void> {
  if (inputs.comment === 'never') return
  const issue = pullRequestNumber(runner.event)
  const repository = runner.repository
  if (issue === undefined || !repository) return
  if (!inputs.githubToken) {
    core.info("No 'github-token': the pull request comment is skipped; the job summary has the report.")
    return
  }
  const api = new GitHubApi(runner.apiUrl, inputs.githubToken, repository)
  const marker = commentMarker(project)
  const worthSaying =
    report.findings.some((finding) => finding.severity !== 'notice') ||
    (report.dependencyChanges ?? []).length > 0
  await upsertComment(api, issue, marker, commentBody(report, marker, project), inputs.comment, worthSaying)
}
