import { asRecord } from '../project/locks/toml-tables.js'
import type { ManagerContext } from './types.js'

// The install command lines, apart from the manager modules: the cache hooks (which the post
// step loads without the managers) need them too, and importing a manager from its own cache
// hook made a cycle that left the hook undefined in the post bundle.

/** uv sync's flags for the groups, extras and workspace member asked for. */
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

/** `poetry sync` (2.x; `install --sync` before) with the groups, extras and root flags. */
export function poetrySyncArgs(ctx: ManagerContext): string[] {
  const major = Number((ctx.tool?.version ?? '2').split('.')[0])
  const args = major >= 2 ? ['sync'] : ['install', '--sync']
  const { groups, extras, allExtras } = ctx.inputs
  if (groups.length > 0) args.push('--with', groups.join(','))
  if (allExtras) args.push('--all-extras')
  else for (const extra of extras) args.push('--extras', extra)
  if (!isPoetryPackage(ctx.project.pyproject ?? {})) args.push('--no-root')
  return args
}

export function isPoetryPackage(pyproject: Record<string, unknown>): boolean {
  return asRecord(asRecord(pyproject.tool)?.poetry)?.['package-mode'] !== false
}
