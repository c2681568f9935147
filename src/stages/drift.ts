import { baseRevisionOptions } from '../drift/base-options.js'
import { openBaseRevision } from '../drift/base-revision.js'
import { buildDriftContext } from '../drift/build-context.js'
import { applyPolicy, type RulesPolicy } from '../drift/policy.js'
import { type DependencyChange, dependencyChanges } from '../drift/rules/dependency-changed.js'
import { runRules } from '../drift/run-rules.js'
import type { ManagerContext } from '../managers/types.js'
import type { Finding } from '../model/finding.js'
import type { Verified } from './verify.js'

export interface Drifted {
  /** The earlier stages' findings and the rules', after the `rules` policy, each once. */
  findings: Finding[]
  changes: DependencyChange[]
  /** The base revision compared with, on pull requests (or with base-ref). */
  baseRef?: string
}

/** The Drift stage: the rules over everything learned so far and, on pull requests, the base. */
export async function driftStage(
  ctx: ManagerContext,
  verified: Verified,
  earlierFindings: readonly Finding[],
  policy: RulesPolicy,
): Promise<Drifted> {
  const { project } = ctx
  const base = await openBaseRevision(baseRevisionOptions(ctx.inputs, ctx.runner))
  const driftCtx = await buildDriftContext({
    project,
    pythonVersion: ctx.python.version,
    installed: verified.installed,
    toolVersions: { [project.manager]: verified.managerVersion },
    pipCheck: verified.pipCheck,
    importFailures: verified.importSmoke.failures,
    smokeTest: verified.smokeTest,
    locks: project.lock && project.lock.kind !== 'requirements' ? [project.lock] : undefined,
    base,
  })
  return {
    findings: mergeFindings(applyPolicy([...earlierFindings], policy), runRules(driftCtx, policy)),
    changes: dependencyChanges(driftCtx),
    baseRef: base?.ref,
  }
}

/** One finding per rule, file, line and package: a stage and a rule may see the same problem. */
function mergeFindings(...lists: Finding[][]): Finding[] {
  const seen = new Set<string>()
  const merged: Finding[] = []
  for (const finding of lists.flat()) {
    const key = [finding.rule, finding.file ?? '', finding.line ?? '', finding.package ?? ''].join('\0')
    if (seen.has(key)) continue
    seen.add(key)
    merged.push(finding)
  }
  return merged
}
