import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '@actions/core'
import { advisoryOptions } from './advisories/advisory-options.js'
import { lookUpAdvisories } from './advisories/look-up-advisories.js'
import { cacheStateFor } from './cache/cache-state.js'
import { downloadCacheDir, restoreEnvironment } from './cache/restore-env.js'
import { runDiscover } from './discover/run-discover.js'
import { advisoryQueries } from './drift/advisory-queries.js'
import { baseRevisionOptions } from './drift/base-options.js'
import { openBaseRevision } from './drift/base-revision.js'
import { buildDriftContext } from './drift/build-context.js'
import { withAdvisories } from './drift/change-advisories.js'
import type { Finding } from './drift/finding.js'
import { applyPolicy, parseRulesPolicy } from './drift/policy.js'
import { dependencyChanges } from './drift/rules/dependency-changed.js'
import { runRules } from './drift/run-rules.js'
import { loadInputs } from './inputs.js'
import { envFor } from './managers/pip.js'
import { managerFor } from './managers/select-manager.js'
import type { ManagerContext } from './managers/types.js'
import { venvLayout } from './managers/venv-layout.js'
import { lockIdentity } from './project/locks/lock-hash.js'
import { readProject } from './project/read-project.js'
import { exportPython } from './python/export-python.js'
import { findPython } from './python/find-python.js'
import { toolCacheArch } from './python/tool-cache-arch.js'
import { failureMessage } from './report/exit-decision.js'
import { reportRun } from './report/report-run.js'
import type { RunReport } from './report/run-report.js'
import { reportFailure } from './report-failure.js'
import { runStage, type StageTiming, skipStage } from './stage.js'
import { saveMainState } from './state.js'
import { directDependencies } from './verify/direct-dependencies.js'
import { exportVenv } from './verify/export-venv.js'
import { runImportSmoke } from './verify/import-smoke.js'
import { parsePipCheck } from './verify/pip-check.js'
import { runSmokeTest } from './verify/smoke-test.js'

/** The main step: inputs → project → python → install → verify → report (DESIGN.md). */
export async function run(): Promise<void> {
  const timings: StageTiming[] = []
  saveMainState({ succeeded: false })
  try {
    const inputs = loadInputs()
    if (inputs.mode === 'discover') return await runDiscover(inputs)
    const policy = parseRulesPolicy(inputs.rules)
    const project = await runStage(timings, 'Project', async () => readProject(inputs))
    const venv = venvLayout(inputs.venvPath)
    const python = await runStage(timings, 'Python', async () => {
      const found = await findPython(project.pythonVersionSources, {
        toolCacheDir: process.env.RUNNER_TOOL_CACHE,
        arch: toolCacheArch(process.env.RUNNER_ARCH, process.arch),
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
    ctx.restoredVenv = cache.hit === 'partial'
    // what detection and the install found (lock-missing, lock-stale): merged with the drift rules below
    const stageFindings: Finding[] = [...(project.findings ?? [])]
    const install = `Install (${manager.name})`
    if (cache.hit === 'exact') skipStage(timings, install, `cache hit on ${cache.key}: skipping install`)
    else {
      const workedAround = await runStage(timings, install, () => manager.install(ctx))
      stageFindings.push(...workedAround)
      if (workedAround.length > 0 && cache.save) {
        // an env installed around a problem (e.g. a stale lock) must not turn into an exact hit
        // that hides the problem on the next run
        cache.save = false
        cache.saveSkipReason = `the install reported ${workedAround.map((f) => f.rule).join(', ')}`
      }
    }
    exportVenv(venv)
    const installed = await manager.installedPackages(ctx)
    const verified = await runStage(timings, 'Verify', async () => {
      // an exact hit was validated with this same check moments ago: it passed, or the hit
      // would not be exact, so it is not run twice
      const checkOutput = cache.hit === 'exact' ? '' : await timed('pip check', () => manager.check(ctx))
      const pipCheck = parsePipCheck(checkOutput)
      const importSmoke = await timed('import smoke', () =>
        runImportSmoke(venv.python, directDependencies(project), envFor(ctx)),
      )
      const junitPath = path.join(
        process.env.RUNNER_TEMP ?? inputs.workingDirectory,
        'setup-python-env-junit.xml',
      )
      const smokeTest = await timed('smoke test', () =>
        runSmokeTest(ctx, inputs.smokeTest, installed, junitPath),
      )
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
        locks: project.lock && project.lock.kind !== 'requirements' ? [project.lock] : undefined,
        base,
      })
      const ruleOff = policy.get('vulnerable-dependency') === 'off'
      driftCtx.advisories = await lookUpAdvisories(
        advisoryQueries(driftCtx),
        advisoryOptions(inputs, ruleOff),
      )
      return {
        findings: mergeFindings(applyPolicy(stageFindings, policy), runRules(driftCtx, policy)),
        changes: withAdvisories(dependencyChanges(driftCtx), driftCtx.advisories),
        baseRef: base?.ref,
        advisories: driftCtx.advisories,
      }
    })
    const findings = drift.findings
    const report: RunReport = {
      project,
      python,
      manager: { name: manager.name, version: managerVersion },
      venvPath: venv.root,
      lock: lockIdentity(project),
      installed,
      smokeTest: verified.smokeTest,
      importSmoke: verified.importSmoke,
      findings,
      timings,
      cache,
      baseRef: drift.baseRef,
      dependencyChanges: drift.changes,
      advisories: drift.advisories,
    }
    await runStage(timings, 'Report', () => reportRun(report, inputs))
    const failure = failureMessage(findings, inputs.failOn)
    if (failure) core.setFailed(failure)
    saveMainState({
      succeeded: !failure,
      venvPath: venv.root,
      pythonVersion: python.version,
      cache: cacheStateFor(
        cache,
        manager.name,
        venv.root,
        manager.cache?.toolPath?.(ctx),
        ctx.tool?.cacheEntry,
      ),
    })
  } catch (error) {
    reportFailure(error)
  }
}

/** One finding per rule, file, line and package: a stage and a rule may see the same problem. */
function mergeFindings(...lists: Finding[][]): Finding[] {
  const seen = new Set<string>()
  const merged: Finding[] = []
  for (const finding of lists.flat()) {
    const key = [
      finding.rule,
      finding.file ?? '',
      finding.line ?? '',
      finding.package ?? '',
      finding.advisory?.id ?? '',
    ].join('\0')
    if (seen.has(key)) continue
    seen.add(key)
    merged.push(finding)
  }
  return merged
}

/** Runs one step of a stage and logs its time, so a slow run shows where it went. */
async function timed<T>(what: string, body: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await body()
  } finally {
    core.info(`${what} took ${((performance.now() - started) / 1000).toFixed(2)}s`)
  }
}
