import * as core from '@actions/core'
import type { PythonInstall } from './find-python.js'

/** Exports the variables setup-python exports, so build tools in later steps find this Python. */
export function exportPython(python: PythonInstall): void {
  core.info(`Using Python ${python.version} at ${python.executable} (from ${python.source})`)
  core.exportVariable('pythonLocation', python.prefix)
}
