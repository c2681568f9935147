import { restoreEnvironment } from './cache/restore-env.js'
import { runDiscover } from './discover/run-discover.js'
import { parseRulesPolicy } from './drift/policy.js'
import { loadInputs } from './inputs.js'
import { refuseInapplicableGroupsExtras } from './managers/groups-extras.js'
import { managerFor } from './managers/select-manager.js'
import { reportFailure } from './report-failure.js'
import { loadRunner } from './runner.js'
import { stagesOf } from './stage.js'
import { driftStage } from './stages/drift.js'
import { installStage } from './stages/install.js'
import { projectStage } from './stages/project.js'
import { pythonStage } from './stages/python.js'
import { reportStage } from './stages/report.js'
import { toolStage } from './stages/tool.js'
import { verifyStage } from './stages/verify.js'
import { saveMainState } from './state.js'

/** The main step, one stage after the other (docs/development.md draws what flows between them). */
export async function run(): Promise<void> {
  const stage = stagesOf()
  saveMainState({ succeeded: false })
  try {
    const inputs = loadInputs()
    const policy = parseRulesPolicy(inputs.rules)
    const runner = loadRunner()
    if (inputs.mode === 'discover') return await runDiscover(inputs, runner)
    const { project, files } = await stage('Project', () => projectStage(inputs))
    const python = await stage('Python', () => pythonStage(inputs, runner, project))
    const manager = managerFor(project)
    refuseInapplicableGroupsExtras(inputs, project)
    const ctx = await toolStage(stage, manager, { inputs, runner, project, python })
    const restored = await stage('Cache restore', () => restoreEnvironment(ctx, manager))
    const installed = await installStage(stage, manager, ctx, restored)
    const verified = await stage('Verify', () => verifyStage(manager, ctx, installed.cache))
    const earlier = [...(project.findings ?? []), ...installed.findings]
    const drift = await stage('Drift', () => driftStage(ctx, files, verified, earlier, policy))
    const timings = stage.timings
    await stage('Report', () => reportStage({ manager, ctx, installed, verified, drift, timings }))
  } catch (error) {
    reportFailure(error)
  }
}
