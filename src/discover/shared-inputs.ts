import type { ChangeScope } from './select-projects.js'

/**
 * Files every project's job depends on without living in any project: the workflow running the
 * jobs, the root .python-version / .tool-versions (setup reads them for every project without
 * its own pin) and root constraints files. A change to one lists every project.
 */
export function isSharedInput(file: string, workflowFile: string | undefined): boolean {
  if (workflowFile && file === workflowFile) return true
  return file === '.python-version' || file === '.tool-versions' || /^constraints[^/]*\.txt$/.test(file)
}

/** `owner/repo/.github/workflows/ci.yml@refs/heads/main` (GITHUB_WORKFLOW_REF) → `.github/workflows/ci.yml`. */
export function workflowFileOf(workflowRef: string | undefined): string | undefined {
  const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(workflowRef ?? '')
  return match?.[1]
}

/** The scope with shared inputs applied: a changed shared file turns it into "every project". */
export function withSharedInputs(scope: ChangeScope, workflowFile: string | undefined): ChangeScope {
  if (scope.kind === 'all') return scope
  const shared = scope.files.find((file) => isSharedInput(file, workflowFile))
  return shared ? { kind: 'all', because: `${shared} changed (shared by every project)` } : scope
}
