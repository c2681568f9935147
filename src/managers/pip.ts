import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { processEnv, runCommand } from '../exec.js'
import type { InstalledPackage } from '../model/installed.js'
import { normalizeName } from '../model/requirement.js'
import { managerCacheDir } from './cache-dirs.js'
import { pipCacheHooks } from './pip-cache.js'
import { explainPipFailure } from './pip-errors.js'
import type { Manager, ManagerContext } from './types.js'
import { createVenv } from './venv.js'
import { venvEnv } from './venv-layout.js'

/** pip: `python -m venv`, `pip install -r` of the pinned files, then the project editable. */
export const pipManager: Manager = {
  name: 'pip',

  async installTool() {
    return undefined
  },

  async version(ctx) {
    // pip's dist-info folder names its version: no second Python start-up just to ask pip
    const fromMetadata = pipVersionFromMetadata(ctx.venv.root)
    if (fromMetadata) return fromMetadata
    const result = await runCommand(ctx.venv.python, ['-m', 'pip', '--version'], {
      silent: true,
      env: envFor(ctx),
    })
    return /^pip (\S+)/.exec(result.stdout)?.[1] ?? 'unknown'
  },

  async install(ctx) {
    await createVenv(ctx.venv, ctx.python.executable, ctx.project.workspace)
    const { requirementsFiles, installable } = ctx.project
    if (requirementsFiles.length > 0) {
      const args = requirementsFiles.flatMap((file) => ['-r', file.path])
      core.info(`Installing ${requirementsFiles.map((file) => file.file).join(', ')}`)
      await pipInstall(ctx, args)
    }
    if (installable) {
      // With a pinned set installed, the project itself must not pull in anything unpinned:
      // what the pins miss shows up in `pip check` instead of being resolved silently.
      const noDeps = requirementsFiles.length > 0 ? ['--no-deps'] : []
      core.info(`Installing the project from ${installable.file} in editable mode`)
      await pipInstall(ctx, ['-e', ctx.project.root, ...noDeps])
    }
    return []
  },

  async installedPackages(ctx) {
    return listInstalled(ctx)
  },

  check: (ctx) => pipCheck(ctx),

  // install() always recreates the venv, so a stale one restored by a partial hit is replaced
  // and only the warm download cache is reused.
  cache: pipCacheHooks,
}

/** Runs `pip check` in the environment and returns what it printed (empty when clean). */
export async function pipCheck(ctx: ManagerContext): Promise<string> {
  const result = await runCommand(ctx.venv.python, ['-m', 'pip', 'check'], {
    env: envFor(ctx),
    cwd: ctx.project.root,
  })
  if (result.exitCode === 0) core.info('pip check: no broken requirements.')
  return result.exitCode === 0 ? '' : result.stdout
}

async function pipInstall(ctx: ManagerContext, args: string[]): Promise<void> {
  const result = await runCommand(ctx.venv.python, ['-m', 'pip', 'install', ...args], {
    cwd: ctx.project.root,
    env: { ...envFor(ctx), PIP_CACHE_DIR: managerCacheDir(ctx, 'PIP_CACHE_DIR', 'pip') },
  })
  if (result.exitCode !== 0) {
    throw explainPipFailure(
      `${result.stdout}\n${result.stderr}`,
      ctx.project.requirementsFiles,
      result.exitCode,
    )
  }
}

export async function listInstalled(ctx: ManagerContext): Promise<InstalledPackage[]> {
  const result = await runCommand(ctx.venv.python, ['-m', 'pip', 'list', '--format', 'json'], {
    silent: true,
    env: envFor(ctx),
  })
  if (result.exitCode !== 0) return []
  const parsed = JSON.parse(result.stdout) as { name: string; version: string }[]
  return parsed.map((pkg) => ({ name: normalizeName(pkg.name), version: pkg.version }))
}

export function envFor(ctx: ManagerContext): Record<string, string> {
  const downloadCache: Record<string, string> = ctx.caching ? { PIP_CACHE_DIR: ctx.caching.downloadDir } : {}
  return processEnv({ ...venvEnv(ctx.venv, process.env.PATH ?? ''), ...downloadCache })
}

/** `pip-25.0.1.dist-info` in the venv's site-packages → '25.0.1'; undefined when not found. */
function pipVersionFromMetadata(venvRoot: string): string | undefined {
  const windows = path.join(venvRoot, 'Lib', 'site-packages')
  const lib = path.join(venvRoot, 'lib')
  const sites = fs.existsSync(windows)
    ? [windows]
    : fs.existsSync(lib)
      ? fs
          .readdirSync(lib)
          .filter((name) => name.startsWith('python'))
          .map((name) => path.join(lib, name, 'site-packages'))
      : []
  const found = sites
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir))
    .map((name) => /^pip-([^-]+)\.dist-info$/.exec(name)?.[1])
    .filter((version): version is string => version !== undefined)
  return found.length === 1 ? found[0] : undefined
}
