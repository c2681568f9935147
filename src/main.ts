import * as path from 'node:path'
import * as core from '@actions/core'
import { cacheStateFor } from './cache/cache-state.js'
import { downloadCacheDir, restoreEnvironment } from './cache/restore-env.js'
import type { Finding } from './drift/finding.js'
import { loadInputs } from './inputs.js'
import { pipManager } from './managers/pip.js'
import type { ManagerContext } from './managers/types.js'
import { venvLayout } from './managers/venv-layout.js'
import { readProject } from './project/read-project.js'
import { exportPython } from './python/export-python.js'
import { findPython } from './python/find-python.js'
import { annotateFindings } from './report/annotations.js'
import { failureMessage } from './report/exit-decision.js'
import { setOutputs } from './report/outputs.js'
import type { RunReport } from './report/run-report.js'
import { writeSummary } from './report/summary.js'
import { reportFailure } from './report-failure.js'
import { runStage, type StageTiming, skipStage } from './stage.js'
import { saveMainState } from './state.js'
import { exportVenv } from './verify/export-venv.js'
import { parsePipCheck, pipCheckFindings } from './verify/pip-check.js'
import { runPipCheck } from './verify/run-pip-check.js'
import { runSmokeTest } from './verify/smoke-test.js'

/** The main step: inputs → project → python → install → verify → report (DESIGN.md). */
export async function run(): Promise<void> {
  const timings: StageTiming[] = []
  saveMainState({ succeeded: false })
  try {
    const inputs = loadInputs()
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
    const manager = pipManager
    const ctx: ManagerContext = {
      inputs,
      project,
      python,
      venv,
      downloadCacheDir: downloadCacheDir(manager, inputs.cache),
    }
    const cache = await runStage(timings, 'Cache restore', () => restoreEnvironment(ctx, manager))
    const install = `Install (${manager.name})`
    if (cache.hit === 'exact') skipStage(timings, install, `cache hit on ${cache.key}: skipping install`)
    else await runStage(timings, install, () => manager.install(ctx))
    exportVenv(venv)
    const installed = await manager.installedPackages(ctx)
    const findings: Finding[] = []
    const smokeTest = await runStage(timings, 'Verify', async () => {
      findings.push(...pipCheckFindings(parsePipCheck(await runPipCheck(ctx)), project))
      const junitPath = path.join(
        process.env.RUNNER_TEMP ?? inputs.workingDirectory,
        'setup-python-env-junit.xml',
      )
      const outcome = await runSmokeTest(ctx, inputs.smokeTest, installed, junitPath)
      findings.push(...outcome.findings)
      return outcome
    })
    const report: RunReport = {
      project,
      python,
      manager: { name: manager.name, version: await manager.version(ctx) },
      venvPath: venv.root,
      installed,
      smokeTest,
      findings,
      timings,
      cache,
    }
    await runStage(timings, 'Report', async () => {
      const annotated = annotateFindings(findings)
      setOutputs(report)
      await writeSummary(report, annotated.leftOut)
    })
    const failure = failureMessage(findings, inputs.failOn)
    if (failure) core.setFailed(failure)
    saveMainState({
      succeeded: !failure,
      venvPath: venv.root,
      pythonVersion: python.version,
      cache: cacheStateFor(cache, manager.name, venv.root, manager.cache?.toolPath?.(ctx)),
    })
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
