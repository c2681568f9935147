import * as path from 'node:path'
import type { CacheOutcome } from '../cache/restore-env.js'
import { envFor } from '../managers/pip.js'
import { managerVersion } from '../managers/select-manager.js'
import type { Manager, ManagerContext } from '../managers/types.js'
import type { InstalledPackage } from '../model/installed.js'
import { timed } from '../stage.js'
import { directDependencies } from '../verify/direct-dependencies.js'
import { exportVenv } from '../verify/export-venv.js'
import { type ImportSmokeResult, runImportSmoke } from '../verify/import-smoke.js'
import { type PipCheckProblem, parsePipCheck } from '../verify/pip-check.js'
import { runSmokeTest, type SmokeTestOutcome } from '../verify/smoke-test.js'

/** What the environment holds and what checking it found. */
export interface Verified {
  installed: InstalledPackage[]
  /** The manager's version as it reports it (pip's inside the venv). */
  managerVersion: string
  pipCheck: PipCheckProblem[]
  importSmoke: ImportSmokeResult
  smokeTest: SmokeTestOutcome
}

/** The Verify stage: exports the env, lists it, then pip check, the import smoke and the smoke test. */
export async function verifyStage(
  manager: Manager,
  ctx: ManagerContext,
  cache: CacheOutcome,
): Promise<Verified> {
  exportVenv(ctx.venv)
  const installed = await manager.installedPackages(ctx)
  // an exact hit was validated with this same check moments ago: it passed, or the hit
  // would not be exact, so it is not run twice
  const checkOutput = cache.hit === 'exact' ? '' : await timed('pip check', () => manager.check(ctx))
  const importSmoke = await timed('import smoke', () =>
    runImportSmoke(ctx.venv.python, directDependencies(ctx.project), envFor(ctx)),
  )
  const junitPath = path.join(ctx.runner.runTemp, 'setup-python-env-junit.xml')
  const smokeTest = await timed('smoke test', () =>
    runSmokeTest(ctx, ctx.inputs.smokeTest, installed, junitPath),
  )
  const version = await managerVersion(manager, ctx)
  return { installed, managerVersion: version, pipCheck: parsePipCheck(checkOutput), importSmoke, smokeTest }
}
