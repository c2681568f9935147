import { pipCacheHooks } from '../managers/pip-cache.js'
import { poetryCacheHooks } from '../managers/poetry-cache.js'
import type { ManagerCacheHooks } from '../managers/types.js'
import { uvCacheHooks } from '../managers/uv-cache.js'

/**
 * The cache hooks by manager name, for post (which has no Manager object, only state).
 * Add a line per manager that supports caching.
 */
const HOOKS: Record<string, ManagerCacheHooks> = {
  pip: pipCacheHooks,
  uv: uvCacheHooks,
  poetry: poetryCacheHooks,
}

export function cacheHooksFor(manager: string): ManagerCacheHooks | undefined {
  return HOOKS[manager]
}
