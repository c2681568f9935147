import type { Inputs } from '../inputs.js'
import { venvLayout } from '../managers/venv-layout.js'
import type { Project } from '../model/project.js'
import { exportPython } from '../python/export-python.js'
import { findPython, type PythonInstall } from '../python/find-python.js'
import type { Runner } from '../runner.js'

/** The Python stage: the interpreter the project pins, exported for later steps. */
export async function pythonStage(inputs: Inputs, runner: Runner, project: Project): Promise<PythonInstall> {
  const found = await findPython(project.pythonVersionSources, {
    toolCacheDir: runner.toolCache,
    arch: runner.toolArch,
    // PATH as it is now: earlier steps (and this action) may have added to it
    pathEnv: process.env.PATH ?? '',
    platform: runner.platform,
    excludePrefix: venvLayout(inputs.venvPath).root,
    tempDir: runner.runTemp,
    mirror: inputs.pythonMirror,
    sha256: inputs.pythonSha256,
    checkLatest: inputs.checkLatest,
    allowPrereleases: inputs.allowPrereleases,
    token: inputs.token,
  })
  exportPython(found, runner.platform)
  return found
}
