import * as core from '@actions/core'
import { UserError } from '../errors.js'
import { processEnv, runCommand } from '../exec.js'
import type { Finding } from '../model/finding.js'
import type { InstalledPackage } from '../model/installed.js'
import { normalizeName } from '../model/requirement.js'
import { relativePosix } from '../paths.js'
import { managerCacheDir } from './cache-dirs.js'
import { lockStaleFinding } from './lock-stale.js'
import { uvSyncArgs } from './sync-args.js'
import type { Manager, ManagerContext } from './types.js'
import { uvCacheHooks } from './uv-cache.js'
import { uvCheckAsPipCheck } from './uv-check.js'
import { installUvTool } from './uv-tool.js'
import { createVenv, isOwnVenvFor } from './venv.js'

const STALE = /needs to be updated, but `--locked` was provided/

/** uv: the pinned uv from the tool cache, `uv sync --locked` into the venv the action owns. */
export const uvManager: Manager = {
  name: 'uv',

  installTool: (ctx) => installUvTool(ctx),

  async install(ctx) {
    if (ctx.restoredVenv && isOwnVenvFor(ctx.venv, ctx.python.executable)) {
      // uv sync is exact (it also removes what the lock no longer has): only the difference is installed
      core.info(
        `Updating the restored environment ${ctx.venv.root} in place; uv sync makes it match the lock.`,
      )
    } else await createVenv(ctx.venv, ctx.python.executable, ctx.project.workspace)
    // later `uv run` / `uv sync` steps then use this environment, not a .venv of their own
    core.exportVariable('UV_PROJECT_ENVIRONMENT', ctx.venv.root)
    const findings: Finding[] = []
    const args = uvSyncArgs(ctx)
    const locked = await uv(ctx, ['sync', '--locked', ...args])
    if (locked.exitCode === 0) return findings
    const output = `${locked.stdout}\n${locked.stderr}`
    // uv 0.13 exits 1 on a stale lock, older releases 2: the message is what identifies it
    if (!STALE.test(output)) throw syncFailed(ctx, locked.exitCode, output)
    const lockFile = lockName(ctx)
    findings.push(
      lockStaleFinding(
        lockFile,
        relativePosix(ctx.project.workspace, `${ctx.project.installRoot ?? ctx.project.root}/pyproject.toml`),
        'uv lock',
        'The environment was installed from the lock as it is (uv sync --frozen).',
      ),
    )
    core.info(`${lockFile} is stale; installing exactly what it locks with 'uv sync --frozen'.`)
    const frozen = await uv(ctx, ['sync', '--frozen', ...args])
    if (frozen.exitCode !== 0) throw syncFailed(ctx, frozen.exitCode, `${frozen.stdout}\n${frozen.stderr}`)
    return findings
  },

  async installedPackages(ctx) {
    const result = await uv(ctx, ['pip', 'list', '--format', 'json', '--python', ctx.venv.python], true)
    if (result.exitCode !== 0) return []
    const parsed = JSON.parse(result.stdout) as { name: string; version: string }[]
    return parsed.map((pkg) => ({ name: normalizeName(pkg.name), version: pkg.version }))
  },

  async check(ctx) {
    const result = await uv(ctx, ['pip', 'check', '--python', ctx.venv.python])
    if (result.exitCode === 0) return ''
    const installed: InstalledPackage[] = await uvManager.installedPackages(ctx)
    return uvCheckAsPipCheck(`${result.stdout}\n${result.stderr}`, installed)
  },

  cache: uvCacheHooks,
}

export function uvEnv(ctx: ManagerContext): Record<string, string> {
  const env = processEnv({
    UV_PROJECT_ENVIRONMENT: ctx.venv.root,
    UV_PYTHON: ctx.python.executable,
    UV_PYTHON_DOWNLOADS: 'never',
    UV_CACHE_DIR: managerCacheDir(ctx, 'UV_CACHE_DIR', 'uv'),
    UV_NO_PROGRESS: '1',
  })
  // an activated environment of the runner must not redirect uv
  delete env.VIRTUAL_ENV
  return env
}

async function uv(ctx: ManagerContext, args: string[], silent = false) {
  const program = ctx.tool?.executable ?? 'uv'
  return runCommand(program, args, {
    cwd: ctx.project.installRoot ?? ctx.project.root,
    env: uvEnv(ctx),
    silent,
  })
}

function lockName(ctx: ManagerContext): string {
  return ctx.project.lock?.file ?? relativePosix(ctx.project.workspace, ctx.project.lockPath ?? 'uv.lock')
}

function syncFailed(ctx: ManagerContext, exitCode: number, output: string): UserError {
  const reason = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(error|×|╰─▶)/.test(line))
    .join(' ')
  return new UserError({
    title: 'uv sync failed',
    message: `uv sync exited with code ${exitCode}: ${reason || 'see the Install group of the log'}.`,
    file: lockName(ctx),
    fix: 'Run `uv sync --locked` locally to reproduce it, fix pyproject.toml, then `uv lock` and commit uv.lock.',
  })
}
