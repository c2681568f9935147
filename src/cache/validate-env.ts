import * as fs from 'node:fs'
import * as path from 'node:path'
import { runCommand } from '../exec.js'
import type { ManagerCacheHooks, ManagerContext } from '../managers/types.js'
import { OWNER_MARKER } from '../managers/venv.js'

/**
 * Checks that an env restored on an exact hit can be used as is: the action made it, it still
 * points at the interpreter this run uses, it runs and reports the right version and prefix,
 * and the manager's consistency check passes. Returns the problem, or undefined.
 */
export async function validateRestoredEnv(
  ctx: ManagerContext,
  hooks: ManagerCacheHooks,
): Promise<string | undefined> {
  const { venv, python } = ctx
  if (!fs.existsSync(path.join(venv.root, OWNER_MARKER)))
    return `${OWNER_MARKER} marker missing in ${venv.root}`
  if (!fs.existsSync(venv.python)) return `${venv.python} is missing`
  if (process.platform !== 'win32' && realpath(venv.python) !== realpath(python.executable)) {
    return `${venv.python} resolves to ${realpath(venv.python)}, not to ${realpath(python.executable)}`
  }
  const probe = await runCommand(
    venv.python,
    ['-c', 'import platform, sys; print(platform.python_version()); print(sys.prefix)'],
    { silent: true },
  )
  const [version, prefix] = probe.stdout.trim().split(/\r?\n/)
  if (probe.exitCode !== 0) return `${venv.python} does not run (exit ${probe.exitCode})`
  if (version !== python.version) return `the env runs Python ${version}, this run uses ${python.version}`
  if (prefix && realpath(prefix) !== realpath(venv.root))
    return `the env's prefix is ${prefix}, not ${venv.root}`
  return hooks.checkEnv(ctx)
}

function realpath(file: string): string {
  try {
    return fs.realpathSync(file)
  } catch {
    return file
  }
}
