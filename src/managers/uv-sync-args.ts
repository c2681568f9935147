import type { ManagerContext } from './types.js'

/** Groups, extras and the workspace member, as `uv sync` flags. */
export function uvSyncArgs(ctx: ManagerContext): string[] {
  const { inputs } = ctx
  const args = [...inputs.groups.flatMap((group) => ['--group', group])]
  if (inputs.allExtras) args.push('--all-extras')
  else args.push(...inputs.extras.flatMap((extra) => ['--extra', extra]))
  const member = memberName(ctx)
  if (member) args.push('--package', member)
  return args
}

/** A workspace member's own name, when working-directory is a member below the workspace root. */
function memberName(ctx: ManagerContext): string | undefined {
  const { project } = ctx
  if (!project.installRoot || project.installRoot === project.root) return undefined
  const name = (project.pyproject?.project as { name?: unknown } | undefined)?.name
  return typeof name === 'string' ? name : undefined
}
