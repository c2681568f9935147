import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../errors.js'
import { runCommand } from '../exec.js'
import type { Finding } from '../model/finding.js'
import { relativePosix } from '../paths.js'
import type { PoetryLock } from '../project/locks/poetry-lock.js'
import { managerCacheDir } from './cache-dirs.js'
import { lockStaleFinding } from './lock-stale.js'
import { envFor, listInstalled, pipCheck } from './pip.js'
import { poetryCacheHooks } from './poetry-cache.js'
import { lockedRequirements } from './poetry-locked-install.js'
import { installPoetryTool } from './poetry-tool.js'
import { isPoetryPackage, poetrySyncArgs } from './sync-args.js'
import type { Manager, ManagerContext } from './types.js'

import { createVenv } from './venv.js'

/** poetry: its own pinned venv; `poetry sync` (which checks the lock first) into the action's venv. */
export const poetryManager: Manager = {
  name: 'poetry',

  installTool: (ctx) => installPoetryTool(ctx),

  async install(ctx) {
    await createVenv(ctx.venv, ctx.python.executable, ctx.project.workspace)
    return poetryInstall(ctx, poetryEnv(ctx))
  },

  installedPackages: (ctx) => listInstalled(ctx),
  check: (ctx) => pipCheck(ctx),
  cache: poetryCacheHooks,
}

/**
 * Installs the locked set into the environment `env` points at (the action's venv, or a conda
 * prefix). A stale lock is reported and the lock's own pins are installed with pip, since poetry
 * refuses to install from it. `poetry sync` checks the lock itself before it touches anything
 * (the message `poetry check --lock` prints), so no separate check costs a second poetry start.
 */
export async function poetryInstall(ctx: ManagerContext, env: Record<string, string>): Promise<Finding[]> {
  const lock = ctx.project.lock?.kind === 'poetry' ? (ctx.project.lock as PoetryLock) : undefined
  const result = await poetry(ctx, poetrySyncArgs(ctx), env)
  if (result.exitCode === 0) return []
  const output = `${result.stdout}\n${result.stderr}`
  if (lock && STALE.test(output)) {
    core.info(`${lock.file} is stale; installing exactly what it pins with pip --no-deps.`)
    await installLockedWithPip(ctx, lock, env)
    return [
      lockStaleFinding(
        lock.file,
        relativePosix(ctx.project.workspace, path.join(ctx.project.root, 'pyproject.toml')),
        'poetry lock',
        'The environment was installed from the pins in the lock as it is.',
      ),
    ]
  }
  throw poetryFailed('poetry sync', result.exitCode, output, lock?.file)
}

/** What poetry (check --lock, install, sync) says about a lock that no longer fits pyproject.toml. */
const STALE = /changed significantly since poetry\.lock was last generated|Run `poetry lock` to fix/

/** Poetry uses the environment VIRTUAL_ENV names and never creates one of its own. */
export function poetryEnv(ctx: ManagerContext): Record<string, string> {
  return {
    ...envFor(ctx),
    POETRY_VIRTUALENVS_CREATE: 'false',
    POETRY_VIRTUALENVS_IN_PROJECT: 'true',
    POETRY_CACHE_DIR: managerCacheDir(ctx, 'POETRY_CACHE_DIR', 'poetry'),
    POETRY_NO_INTERACTION: '1',
    // a desktop keyring prompt would hang the job; CI has no keyring
    PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
  }
}

async function installLockedWithPip(ctx: ManagerContext, lock: PoetryLock, env: Record<string, string>) {
  const lines = lockedRequirements(lock, ctx.project.pyproject ?? {}, ctx.inputs)
  const file = path.join(ctx.runner.runTemp, 'setup-python-env-poetry-locked.txt')
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
  const python = path.join(env.VIRTUAL_ENV ?? ctx.venv.root, path.relative(ctx.venv.root, ctx.venv.python))
  const result = await runCommand(python, ['-m', 'pip', 'install', '--no-deps', '-r', file], { env })
  if (result.exitCode !== 0) {
    throw poetryFailed('pip install (from poetry.lock)', result.exitCode, result.stderr, lock.file)
  }
  if (isPoetryPackage(ctx.project.pyproject ?? {})) {
    const root = await runCommand(python, ['-m', 'pip', 'install', '--no-deps', '-e', ctx.project.root], {
      env,
    })
    if (root.exitCode !== 0) throw poetryFailed('pip install -e .', root.exitCode, root.stderr, lock.file)
  }
}

async function poetry(ctx: ManagerContext, args: string[], env: Record<string, string>) {
  return runCommand(ctx.tool?.executable ?? 'poetry', args, { cwd: ctx.project.root, env })
}

function poetryFailed(command: string, exitCode: number, output: string, file?: string): UserError {
  const reason = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' ')
  return new UserError({
    title: `${command} failed`,
    message: `${command} exited with code ${exitCode}: ${reason || 'see the Install group of the log'}`,
    file,
    fix: `Run \`${command}\` locally to reproduce it, fix pyproject.toml, then \`poetry lock\` and commit poetry.lock.`,
  })
}
