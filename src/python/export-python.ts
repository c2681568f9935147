import * as path from 'node:path'
import * as core from '@actions/core'
import type { PythonInstall } from './find-python.js'

/**
 * Exports what setup-python exports, so later steps and build tools (CMake's FindPython,
 * pkg-config, plain `python`) find this Python.
 */
export function exportPython(python: PythonInstall, platform: NodeJS.Platform = process.platform): void {
  const how = { 'tool-cache': 'the tool cache', download: 'a verified download', path: 'PATH' }[
    python.foundIn
  ]
  core.info(`Using Python ${python.version} at ${python.executable} (${python.source}; from ${how})`)
  const prefix = python.prefix
  const join = platform === 'win32' ? path.win32.join : path.posix.join
  core.exportVariable('pythonLocation', prefix)
  core.exportVariable('Python_ROOT_DIR', prefix)
  core.exportVariable(python.version.startsWith('2.') ? 'Python2_ROOT_DIR' : 'Python3_ROOT_DIR', prefix)
  core.exportVariable('PKG_CONFIG_PATH', join(prefix, 'lib', 'pkgconfig'))
  if (platform === 'win32') {
    core.addPath(join(prefix, 'Scripts'))
    core.addPath(prefix)
    return
  }
  core.addPath(join(prefix, 'bin'))
  if (platform === 'linux' && python.foundIn !== 'path') {
    // Runner-layout Pythons are built shared; their libpython must be found by later steps.
    const libDir = join(prefix, 'lib')
    const current = process.env.LD_LIBRARY_PATH ?? ''
    if (!current.split(':').includes(libDir)) {
      core.exportVariable('LD_LIBRARY_PATH', current ? `${libDir}:${current}` : libDir)
    }
  }
}
