import type { ManagerName } from '../model/project.js'
import { pipCacheHooks } from './pip-cache.js'
import { poetryCacheHooks } from './poetry-cache.js'
import type { ManagerCacheHooks } from './types.js'
import { uvCacheHooks } from './uv-cache.js'

/**
 * The cache hooks by manager name, for post, which has only the name (from state). The managers
 * (select-manager.ts) carry the same objects; this table exists so the post bundle loads the
 * hooks without the managers' install code (about 240 kB of bundle).
 */
const HOOKS: Partial<Record<ManagerName, ManagerCacheHooks>> = {
  pip: pipCacheHooks,
  uv: uvCacheHooks,
  poetry: poetryCacheHooks,
}

export function cacheHooksFor(manager: string): ManagerCacheHooks | undefined {
  return Object.hasOwn(HOOKS, manager) ? HOOKS[manager as ManagerName] : undefined
}
