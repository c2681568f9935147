import { asRecord } from '../project/locks/toml-tables.js'
import type { ManagerContext } from './types.js'

/*
 * The install flags of uv and poetry. They key the cache too, so the cache hooks need them; they
 * live here and not in uv.ts / poetry.ts because those modules import the hooks: a cycle that
 * leaves one of the two uninitialised when post loads the hooks first.
 */

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

/** False for `package-mode = false` projects, whose root poetry never installs. */
export function isPoetryPackage(pyproject: Record<string, unknown>): boolean {
  return asRecord(asRecord(pyproject.tool)?.poetry)?.['package-mode'] !== false
}
