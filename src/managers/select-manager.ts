import type { ManagerName, Project } from '../model/project.js'
import { condaManager } from './conda.js'
import { pipManager } from './pip.js'
import { poetryManager } from './poetry.js'
import type { Manager, ManagerContext } from './types.js'
import { uvManager } from './uv.js'

/** The one registry of managers (post, which only saves, reads their hooks from cache-hooks.ts). */
const MANAGERS: Record<ManagerName, Manager> = {
  pip: pipManager,
  uv: uvManager,
  poetry: poetryManager,
  conda: condaManager,
}

export function managerFor(project: Pick<Project, 'manager'>): Manager {
  return MANAGERS[project.manager]
}

/** The version the manager reports: its own answer (pip's, in the venv), else its tool's. */
export async function managerVersion(manager: Manager, ctx: ManagerContext): Promise<string> {
  return manager.version ? manager.version(ctx) : (ctx.tool?.version ?? 'unknown')
}
