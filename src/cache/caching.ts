import * as path from 'node:path'
import type { Inputs } from '../inputs.js'
import type { Caching, Manager } from '../managers/types.js'
import type { PythonInstall } from '../python/find-python.js'
import type { Runner } from '../runner.js'
import { toolEntryStore } from './tool-entry.js'

/**
 * The environment cache of this run, or undefined when it is off: the input, the manager's
 * support and the job's cache service all say yes. The download cache folder keeps its path
 * from run to run (the service's version hash covers the paths).
 */
export function cachingFor(
  manager: Pick<Manager, 'name' | 'cache'>,
  inputs: Inputs,
  runner: Runner,
  python: PythonInstall,
): Caching | undefined {
  if (!inputs.cache || !manager.cache || !runner.cacheService) return undefined
  return {
    downloadDir: path.join(runner.tempRoot, 'setup-python-env', 'download-cache', manager.name),
    tools: toolEntryStore(inputs, runner, python),
  }
}
