import * as path from 'node:path'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import type { ManagerTool, ToolContext } from './types.js'
import { installUvFromArchive } from './uv-install-archive.js'
import { installUvFromPypi } from './uv-install-pypi.js'
import { resolveUvVersion } from './uv-version.js'

/** The pinned uv: from the tool cache when a previous run put it there, else installed. */
export async function installUvTool(ctx: ToolContext): Promise<ManagerTool> {
  const { inputs, project, runner } = ctx
  const arch = runner.toolArch
  const choice = resolveUvVersion(inputs.uvVersion, project.installRoot ?? project.root, project.workspace)
  core.info(`uv ${choice.version} (${choice.source})`)
  let dir = tc.find('uv', choice.version, arch)
  if (dir) core.info(`Using uv ${choice.version} from the tool cache: ${dir}`)
  else if (inputs.uvSource === 'pypi')
    dir = await installUvFromPypi(choice.version, ctx.python.executable, arch, runner.runTemp)
  else dir = await installUvFromArchive(choice.version, inputs.uvMirror, arch, runner.runTemp)
  core.addPath(dir)
  return {
    version: choice.version,
    executable: path.join(dir, runner.platform === 'win32' ? 'uv.exe' : 'uv'),
  }
}
