import * as path from 'node:path'

/** Where a virtual environment keeps its programs: `bin/` on POSIX, `Scripts\` on Windows. */
export interface VenvLayout {
  root: string
  binDir: string
  python: string
}

export function venvLayout(root: string, platform: NodeJS.Platform = process.platform): VenvLayout {
  const join = platform === 'win32' ? path.win32.join : path.posix.join
  const binDir = platform === 'win32' ? join(root, 'Scripts') : join(root, 'bin')
  const python = platform === 'win32' ? join(binDir, 'python.exe') : join(binDir, 'python')
  return { root, binDir, python }
}

/** Environment variables that make commands run inside the venv, as `activate` would. */
export function venvEnv(layout: VenvLayout, basePath: string, platform: NodeJS.Platform = process.platform) {
  const delimiter = platform === 'win32' ? ';' : ':'
  return {
    VIRTUAL_ENV: layout.root,
    PATH: `${layout.binDir}${delimiter}${basePath}`,
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PYTHONNOUSERSITE: '1',
  }
}
