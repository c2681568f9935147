import { advisoryOptions } from '../advisories/advisory-options.js'
import { lookUpAdvisories } from '../advisories/look-up-advisories.js'
import type { AdvisoryLookup } from '../advisories/osv-types.js'
import { advisoryQueries } from '../drift/advisory-queries.js'
import { baseRevisionOptions } from '../drift/base-options.js'
import { openBaseRevision } from '../drift/base-revision.js'
import { buildDriftContext } from '../drift/build-context.js'
import { withAdvisories } from '../drift/change-advisories.js'
import { applyPolicy, type RulesPolicy } from '../drift/policy.js'
import { type DependencyChange, dependencyChanges } from '../drift/rules/dependency-changed.js'
import { runRules } from '../drift/run-rules.js'
import type { ManagerContext } from '../managers/types.js'
import type { Finding } from '../model/finding.js'
import type { ProjectFiles } from '../project/read-project-files.js'
import type { Verified } from './verify.js'

export interface Drifted {
  /** The earlier stages' findings and the rules', after the `rules` policy, each once. */
  findings: Finding[]
  changes: DependencyChange[]
  /** The base revision compared with, on pull requests (or with base-ref). */
  baseRef?: string
  /** What the advisory service said about the locked set (the vulnerable-dependency rule read it). */
  advisories?: AdvisoryLookup
}

/**
 * The Drift stage: the advisories for the locked set (one bounded, failure-tolerant lookup), then
 * the rules over everything learned so far and, on pull requests, the base revision.
 */
export async function driftStage(
  ctx: ManagerContext,
  files: ProjectFiles,
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
    files,
    base,
  })
  const ruleOff = policy.get('vulnerable-dependency') === 'off'
  const advisories = await lookUpAdvisories(
    advisoryQueries(driftCtx),
    advisoryOptions(ctx.inputs, ctx.runner, ruleOff),
  )
  driftCtx.advisories = advisories
  return {
    findings: mergeFindings(applyPolicy([...earlierFindings], policy), runRules(driftCtx, policy)),
    changes: withAdvisories(dependencyChanges(driftCtx), advisories),
    baseRef: base?.ref,
    advisories,
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
