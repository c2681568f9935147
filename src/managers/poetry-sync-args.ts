import { asRecord } from '../project/locks/toml-tables.js'
import type { ManagerContext } from './types.js'

/** `poetry sync` (2.x; `install --sync` before) with the groups, extras and root flags. */
export function poetrySyncArgs(ctx: ManagerContext): string[] {
  const major = Number((ctx.tool?.version ?? '2').split('.')[0])
  const args = major >= 2 ? ['sync'] : ['install', '--sync']
  const { groups, extras, allExtras } = ctx.inputs
  if (groups.length > 0) args.push('--with', groups.join(','))
  if (allExtras) args.push('--all-extras')
  else for (const extra of extras) args.push('--extras', extra)
  if (!isPackage(ctx.project.pyproject ?? {})) args.push('--no-root')
  return args
}

export function isPackage(pyproject: Record<string, unknown>): boolean {
  return asRecord(asRecord(pyproject.tool)?.poetry)?.['package-mode'] !== false
}
