import * as path from 'node:path'

/** A virtual environment (`python -m venv`, `uv venv`) or a conda prefix. */
export type EnvKind = 'venv' | 'conda'

/**
 * Where an environment keeps its programs, by kind and OS. Every stage (install, package
 * listing, pip check, import smoke, smoke test, PATH export) reads the interpreter and the PATH
 * folders from here, so they all agree on one layout.
 */
export interface VenvLayout {
  root: string
  kind: EnvKind
  /** Where console scripts are installed (pytest, poetry): `bin/` on POSIX, `Scripts\` on Windows. */
  binDir: string
  python: string
  /** The folders activation puts on PATH, first one first. */
  pathDirs: string[]
}

export function venvLayout(
  root: string,
  platform: NodeJS.Platform = process.platform,
  kind: EnvKind = 'venv',
): VenvLayout {
  if (platform !== 'win32') {
    const binDir = path.posix.join(root, 'bin')
    return { root, kind, binDir, python: path.posix.join(binDir, 'python'), pathDirs: [binDir] }
  }
  const join = path.win32.join
  const binDir = join(root, 'Scripts')
  if (kind === 'venv') return { root, kind, binDir, python: join(binDir, 'python.exe'), pathDirs: [binDir] }
  // A conda prefix on Windows has python.exe at its root and DLLs under Library\; these are the
  // folders `conda activate` puts on PATH, in its order.
  const pathDirs = [
    root,
    join(root, 'Library', 'mingw-w64', 'bin'),
    join(root, 'Library', 'usr', 'bin'),
    join(root, 'Library', 'bin'),
    binDir,
    join(root, 'bin'),
  ]
  return { root, kind, binDir, python: join(root, 'python.exe'), pathDirs }
}

/** Environment variables that make commands run inside the env, as `activate` would. */
export function venvEnv(
  layout: VenvLayout,
  basePath: string,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const delimiter = platform === 'win32' ? ';' : ':'
  const conda: Record<string, string> =
    layout.kind === 'conda' ? { CONDA_PREFIX: layout.root, CONDA_DEFAULT_ENV: layout.root } : {}
  return {
    ...conda,
    VIRTUAL_ENV: layout.root,
    PATH: [...layout.pathDirs, basePath].join(delimiter),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PYTHONNOUSERSITE: '1',
  }
}
