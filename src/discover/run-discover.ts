import * as path from 'node:path'
import * as core from '@actions/core'
import { baseRevisionOptions } from '../drift/base-options.js'
import type { Inputs } from '../inputs.js'
import { relativePosix } from '../paths.js'
import type { Runner } from '../runner.js'
import { runStage, type StageTiming } from '../stage.js'
import { saveMainState } from '../state.js'
import { type ChangedFiles, changedFiles } from './changed-files.js'
import { reportDiscovery } from './discover-report.js'
import { candidateFolders, findProjects } from './find-projects.js'
import { PathFilter } from './glob.js'
import { listRepositoryFiles } from './list-files.js'
import { selectProjects } from './select-projects.js'
import { withSharedInputs, workflowFileOf } from './shared-inputs.js'
import { applyWorkspaceMembers } from './workspace-members.js'

/**
 * `mode: discover`: inputs → the projects of the repository (setup mode's detection on every
 * candidate folder) → the files changed since the base → outputs and summary. Installs nothing.
 */
export async function runDiscover(inputs: Inputs, runner: Runner): Promise<void> {
  const timings: StageTiming[] = []
  const workspace = inputs.workspace
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const discovered = await runStage(timings, 'Discover projects', async () => {
    const listing = await listRepositoryFiles(inputs.workingDirectory)
    const filter = new PathFilter(inputs.discoverPaths)
    const folders = candidateFolders(listing.files).filter((folder) =>
      filter.includes(relativePosix(workspace, path.resolve(inputs.workingDirectory, folder)) || '.'),
    )
    const projects = applyWorkspaceMembers(
      findProjects(workspace, inputs.workingDirectory, folders),
      inputs.discoverWorkspaceMembers,
      workspace,
    )
    const milliseconds = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    // CPU time too: on a busy runner the wall clock says more about the neighbours than about us
    core.info(
      `Discovered ${projects.length} project(s) among ${listing.files.length} files (listed by ${listing.source}) in ${Math.round(milliseconds)} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU).`,
    )
    if (listing.environments.length > 0) core.info(`Skipped environments: ${listing.environments.join(', ')}`)
    return { listing, projects, milliseconds }
  })
  const changes: ChangedFiles = await runStage(timings, 'Changed files', async () => {
    if (inputs.discoverAll) return { scope: { kind: 'all', because: 'discover-all: true' } }
    const found = await changedFiles({
      ...baseRevisionOptions(inputs, runner),
      headSha: process.env.GITHUB_SHA,
    })
    if (found.scope.kind === 'changed')
      core.info(`${found.scope.files.length} file(s) changed since ${found.base}.`)
    return found
  })
  const scope = withSharedInputs(changes.scope, workflowFileOf(process.env.GITHUB_WORKFLOW_REF))
  const listed = selectProjects(discovered.projects, scope, workspace)
  await runStage(timings, 'Report', () =>
    reportDiscovery({
      found: discovered.projects,
      listed,
      base: changes.base,
      via: changes.via,
      filesSeen: discovered.listing.files.length,
      listedBy: discovered.listing.source,
      milliseconds: discovered.milliseconds,
    }),
  )
  saveMainState({ succeeded: true, mode: 'discover' })
}
