import * as core from '@actions/core'
import type { VenvLayout } from '../managers/venv-layout.js'

/** Makes later steps use the environment, as `source .venv/bin/activate` would. */
export function exportVenv(venv: VenvLayout): void {
  core.exportVariable('VIRTUAL_ENV', venv.root)
  core.addPath(venv.binDir)
}
