import * as path from 'node:path'
import type { ManagerContext } from './types.js'

/**
 * Where a manager keeps downloads: the folder the cache stage restored and will save when the
 * environment cache is on, else the variable the user (or a test rig) already set, else a
 * folder under RUNNER_TEMP that the cache stage saves and restores — never the user's home.
 */
export function managerCacheDir(
  ctx: Pick<ManagerContext, 'downloadCacheDir'>,
  variable: 'UV_CACHE_DIR' | 'POETRY_CACHE_DIR' | 'PIP_CACHE_DIR' | 'CONDA_PKGS_DIRS',
  name: string,
): string {
  if (ctx.downloadCacheDir) return ctx.downloadCacheDir
  const preset = process.env[variable]
  if (preset) return path.resolve(preset)
  const base = process.env.RUNNER_TEMP || path.join(process.cwd(), '.setup-python-env')
  return path.join(base, 'setup-python-env', `${name}-cache`)
}
