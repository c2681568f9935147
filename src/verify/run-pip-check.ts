import * as core from '@actions/core'
import { runCommand } from '../exec.js'
import { envFor } from '../managers/pip.js'
import type { ManagerContext } from '../managers/types.js'

/** Runs `pip check` in the environment and returns what it printed (empty when clean). */
export async function runPipCheck(ctx: ManagerContext): Promise<string> {
  const result = await runCommand(ctx.venv.python, ['-m', 'pip', 'check'], {
    env: envFor(ctx),
    cwd: ctx.project.root,
  })
  if (result.exitCode === 0) core.info('pip check: no broken requirements.')
  return result.exitCode === 0 ? '' : result.stdout
}
