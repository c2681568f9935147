import * as path from 'node:path'
import type { ManagerContext } from './types.js'

/**
 * Where a manager keeps downloads: the folder the cache stage restored and will save when the
 * environment cache is on, else the variable the user (or a test rig) already set, else a
 * folder under the runner's temp root that the cache stage saves and restores — never the user's home.
 */
export function managerCacheDir(
  ctx: Pick<ManagerContext, 'caching' | 'runner'>,
  variable: 'UV_CACHE_DIR' | 'POETRY_CACHE_DIR' | 'PIP_CACHE_DIR' | 'CONDA_PKGS_DIRS',
  name: string,
): string {
  if (ctx.caching) return ctx.caching.downloadDir
  const preset = process.env[variable]
  if (preset) return path.resolve(preset)
  return path.join(ctx.runner.tempRoot, 'setup-python-env', `${name}-cache`)
}
