import * as path from 'node:path'
import { venvEnv, venvLayout } from './venv-layout.js'

/** The conda program: the `conda-path` input, else the runner's $CONDA, else conda on PATH. */
export function condaExecutable(
  input: string | undefined,
  condaHome: string | undefined,
  platform = process.platform,
) {
  if (input) return input
  if (condaHome) {
    return platform === 'win32'
      ? path.win32.join(condaHome, 'condabin', 'conda.bat')
      : path.posix.join(condaHome, 'bin', 'conda')
  }
  return 'conda'
}

/**
 * `conda env create` for a new prefix; `conda env update --prune` for one a previous run made,
 * so packages removed from the file leave the environment too (the documented conda CLI).
 */
export function condaEnvArgs(prefix: string, envFile: string, exists: boolean): string[] {
  return exists
    ? ['env', 'update', '--prefix', prefix, '--file', envFile, '--prune', '--quiet']
    : ['env', 'create', '--prefix', prefix, '--file', envFile, '--quiet', '--yes']
}

/** A conda prefix's python: `bin/python` on POSIX, the prefix itself on Windows (venv-layout.ts). */
export function condaPython(prefix: string, platform = process.platform): string {
  return venvLayout(prefix, platform, 'conda').python
}

/** Variables of an activated conda env, so pip/poetry/uv inside target it and not a venv of their own. */
export function condaActivation(
  prefix: string,
  basePath: string,
  platform = process.platform,
): Record<string, string> {
  return venvEnv(venvLayout(prefix, platform, 'conda'), basePath, platform)
}
