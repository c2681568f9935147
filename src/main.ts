import * as path from 'node:path'
import * as core from '@actions/core'
import { baseRevisionOptions } from './drift/base-options.js'
import { openBaseRevision } from './drift/base-revision.js'
import { buildDriftContext } from './drift/build-context.js'
import { parseRulesPolicy } from './drift/policy.js'
import { dependencyChanges } from './drift/rules/dependency-changed.js'
import { runRules } from './drift/run-rules.js'
import { loadInputs } from './inputs.js'
import { envFor, pipManager } from './managers/pip.js'
import type { ManagerContext } from './managers/types.js'
import { venvLayout } from './managers/venv-layout.js'
import { readProject } from './project/read-project.js'
import { exportPython } from './python/export-python.js'
import { findPython } from './python/find-python.js'
import { failureMessage } from './report/exit-decision.js'
import { reportRun } from './report/report-run.js'
import type { RunReport } from './report/run-report.js'
import { reportFailure } from './report-failure.js'
import { runStage, type StageTiming } from './stage.js'
import { saveMainState } from './state.js'
import { directDependencies } from './verify/direct-dependencies.js'
import { exportVenv } from './verify/export-venv.js'
import { runImportSmoke } from './verify/import-smoke.js'
import { parsePipCheck } from './verify/pip-check.js'
import { runPipCheck } from './verify/run-pip-check.js'
import { runSmokeTest } from './verify/smoke-test.js'

/** The main step: inputs → project → python → install → verify → report (DESIGN.md). */
export async function run(): Promise<void> {
  const timings: StageTiming[] = []
  saveMainState({ succeeded: false })
  try {
    const inputs = loadInputs()
    const policy = parseRulesPolicy(inputs.rules)
    const project = await runStage(timings, 'Project', async () => readProject(inputs))
    const venv = venvLayout(inputs.venvPath)
    const python = await runStage(timings, 'Python', async () => {
      const found = await findPython(project.pythonVersionSources, {
        toolCacheDir: process.env.RUNNER_TOOL_CACHE,
        arch: toolCacheArch(),
        pathEnv: process.env.PATH ?? '',
        platform: process.platform,
        excludePrefix: venv.root,
      })
      exportPython(found)
      return found
    })
    const ctx: ManagerContext = { inputs, project, python, venv }
    const manager = pipManager
    await runStage(timings, `Install (${manager.name})`, () => manager.install(ctx))
    exportVenv(venv)
    const installed = await manager.installedPackages(ctx)
    const verified = await runStage(timings, 'Verify', async () => {
      const pipCheck = parsePipCheck(await runPipCheck(ctx))
      const importSmoke = await runImportSmoke(venv.python, directDependencies(project), envFor(ctx))
      const junitPath = path.join(
        process.env.RUNNER_TEMP ?? inputs.workingDirectory,
        'setup-python-env-junit.xml',
      )
      const smokeTest = await runSmokeTest(ctx, inputs.smokeTest, installed, junitPath)
      return { pipCheck, importSmoke, smokeTest }
    })
    const managerVersion = await manager.version(ctx)
    const drift = await runStage(timings, 'Drift', async () => {
      const base = await openBaseRevision(baseRevisionOptions(inputs))
      const driftCtx = await buildDriftContext({
        project,
        pythonVersion: python.version,
        installed,
        toolVersions: { [manager.name]: managerVersion },
        pipCheck: verified.pipCheck,
        importFailures: verified.importSmoke.failures,
        smokeTest: verified.smokeTest,
        base,
      })
      return {
        findings: runRules(driftCtx, policy),
        changes: dependencyChanges(driftCtx),
        baseRef: base?.ref,
      }
    })
    const findings = drift.findings
    const report: RunReport = {
      project,
      python,
      manager: { name: manager.name, version: managerVersion },
      venvPath: venv.root,
      installed,
      smokeTest: verified.smokeTest,
      importSmoke: verified.importSmoke,
      findings,
      timings,
      baseRef: drift.baseRef,
      dependencyChanges: drift.changes,
    }
    await runStage(timings, 'Report', () => reportRun(report, inputs))
    const failure = failureMessage(findings, inputs.failOn)
    if (failure) core.setFailed(failure)
    saveMainState({ succeeded: !failure, venvPath: venv.root, pythonVersion: python.version })
  } catch (error) {
    reportFailure(error)
  }
}

/** The tool cache names architectures the way the runner does (RUNNER_ARCH lower-cased). */
function toolCacheArch(): string {
  const runnerArch = process.env.RUNNER_ARCH?.toLowerCase()
  if (runnerArch) return runnerArch
  return process.arch === 'x64' ? 'x64' : process.arch
}
