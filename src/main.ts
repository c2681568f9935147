import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '@actions/core'
import { cacheStateFor } from './cache/cache-state.js'
import { downloadCacheDir, restoreEnvironment } from './cache/restore-env.js'
import type { Finding } from './drift/finding.js'
import { loadInputs } from './inputs.js'
import { managerFor } from './managers/select-manager.js'
import type { ManagerContext } from './managers/types.js'
import { venvLayout } from './managers/venv-layout.js'
import { lockIdentity } from './project/locks/lock-hash.js'
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
        tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
        mirror: inputs.pythonMirror,
        sha256: inputs.pythonSha256,
        checkLatest: inputs.checkLatest,
        allowPrereleases: inputs.allowPrereleases,
        token: inputs.token,
      })
      exportPython(found)
      return found
    })
    const manager = managerFor(project)
    const ctx: ManagerContext = {
      inputs,
      project,
      python,
      venv,
      downloadCacheDir: downloadCacheDir(manager, inputs.cache),
    }
    core.info(`Package manager: ${manager.name} (${project.managerReason ?? 'default'})`)
    if (manager.name !== 'pip') {
      ctx.tool = await runStage(timings, `Tool (${manager.name})`, () => manager.installTool(ctx))
    }
    const cache = await runStage(timings, 'Cache restore', () => restoreEnvironment(ctx, manager))
    const findings: Finding[] = [...(project.findings ?? [])]
    const install = `Install (${manager.name})`
    if (cache.hit === 'exact') skipStage(timings, install, `cache hit on ${cache.key}: skipping install`)
    else {
      const workedAround = await runStage(timings, install, () => manager.install(ctx))
      findings.push(...workedAround)
      if (workedAround.length > 0 && cache.save) {
        // an env installed around a problem (e.g. a stale lock) must not turn into an exact hit
        // that hides the problem on the next run
        cache.save = false
        cache.saveSkipReason = `the install reported ${workedAround.map((f) => f.rule).join(', ')}`
      }
    }
    exportVenv(venv)
    const installed = await manager.installedPackages(ctx)
    const smokeTest = await runStage(timings, 'Verify', async () => {
      findings.push(...pipCheckFindings(parsePipCheck(await manager.check(ctx)), project))
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
      lock: lockIdentity(project),
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
