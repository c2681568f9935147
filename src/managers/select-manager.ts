import type { Project } from '../model/project.js'
import { condaManager } from './conda.js'
import { pipManager } from './pip.js'
import { poetryManager } from './poetry.js'
import type { Manager } from './types.js'
import { uvManager } from './uv.js'

const MANAGERS: Record<Project['manager'], Manager> = {
  pip: pipManager,
  uv: uvManager,
  poetry: poetryManager,
  conda: condaManager,
}

export function managerFor(project: Project): Manager {
  return MANAGERS[project.manager]
}
