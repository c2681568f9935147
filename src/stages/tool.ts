import * as core from '@actions/core'
import { cachingFor } from '../cache/caching.js'
import type { Manager, ManagerContext, ToolContext } from '../managers/types.js'
import { venvLayout } from '../managers/venv-layout.js'
import type { Stages } from '../stage.js'

/**
 * The Tool stage: the manager's pinned program (uv, poetry, conda), none for pip. Returns the
 * manager context, complete: every later stage reads it and none adds to it.
 */
export async function toolStage(
  stage: Stages,
  manager: Manager,
  earlier: Omit<ToolContext, 'venv' | 'caching'>,
): Promise<ManagerContext> {
  const { inputs, runner, python } = earlier
  const setup: ToolContext = {
    ...earlier,
    venv: venvLayout(inputs.venvPath),
    caching: cachingFor(manager, inputs, runner, python),
  }
  core.info(`Package manager: ${manager.name} (${earlier.project.managerReason ?? 'default'})`)
  if (manager.name === 'pip') return { ...setup, tool: undefined }
  const tool = await stage(`Tool (${manager.name})`, () => manager.installTool(setup))
  return { ...setup, tool }
}
