import * as core from '@actions/core'
import { cacheStateFor } from '../cache/cache-state.js'
import type { Manager, ManagerContext } from '../managers/types.js'
import { lockIdentity } from '../project/locks/lock-hash.js'
import { failureMessage } from '../report/exit-decision.js'
import { reportRun } from '../report/report-run.js'
import type { RunReport } from '../report/run-report.js'
import type { StageTiming } from '../stage.js'
import { saveMainState } from '../state.js'
import type { Drifted } from './drift.js'
import type { Installed } from './install.js'
import type { Verified } from './verify.js'

export interface Learned {
  manager: Manager
  ctx: ManagerContext
  installed: Installed
  verified: Verified
  drift: Drifted
  timings: StageTiming[]
}

/**
 * The Report stage: annotations, outputs, summary, SARIF and the PR comment; then the exit
 * decision from `fail-on`, and the state post saves the cache from.
 */
export async function reportStage(learned: Learned): Promise<void> {
  const { manager, ctx, installed, verified, drift } = learned
  const cache = installed.cache
  const report: RunReport = {
    project: ctx.project,
    python: ctx.python,
    manager: { name: manager.name, version: verified.managerVersion },
    venvPath: ctx.venv.root,
    lock: lockIdentity(ctx.project),
    installed: verified.installed,
    smokeTest: verified.smokeTest,
    importSmoke: verified.importSmoke,
    findings: drift.findings,
    timings: learned.timings,
    cache,
    baseRef: drift.baseRef,
    dependencyChanges: drift.changes,
    advisories: drift.advisories,
  }
  await reportRun(report, ctx.inputs, ctx.runner)
  const failure = failureMessage(drift.findings, ctx.inputs.failOn)
  if (failure) core.setFailed(failure)
  const toolPath = manager.cache?.toolPath?.(ctx)
  saveMainState({
    succeeded: !failure,
    venvPath: ctx.venv.root,
    pythonVersion: ctx.python.version,
    cache: cacheStateFor(cache, manager.name, ctx.venv.root, toolPath, ctx.tool?.cacheEntry),
  })
}
