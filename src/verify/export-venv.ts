import * as core from '@actions/core'
import type { VenvLayout } from '../managers/venv-layout.js'

/** Makes later steps use the environment, as `source .venv/bin/activate` would. */
export function exportVenv(venv: VenvLayout): void {
  core.exportVariable('VIRTUAL_ENV', venv.root)
  if (venv.kind === 'conda') core.exportVariable('CONDA_PREFIX', venv.root)
  // addPath prepends: the last added comes first, so the layout's first folder is added last
  for (const dir of [...venv.pathDirs].reverse()) core.addPath(dir)
}
