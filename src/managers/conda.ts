import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../errors.js'
import { processEnv, runCommand } from '../exec.js'
import type { Finding } from '../model/finding.js'
import { relativePosix } from '../paths.js'
import { managerCacheDir } from './cache-dirs.js'
import { condaActivation, condaEnvArgs, condaExecutable, condaPython } from './conda-commands.js'
import { lockStaleFinding } from './lock-stale.js'
import { listInstalled, pipCheck } from './pip.js'
import { poetryInstall } from './poetry.js'
import { installPoetryTool } from './poetry-tool.js'
import type { Manager, ManagerContext } from './types.js'
import { installUvTool } from './uv-tool.js'
import { OWNER_MARKER } from './venv.js'

/**
 * conda hybrid: conda makes the environment (Python and compiled libraries) at venv-path from
 * the environment file, then poetry/uv/pip install the locked Python packages into it.
 * Implemented against the documented conda CLI; see docs/managers.md for what was not run
 * against a real conda.
 */
export const condaManager: Manager = {
  name: 'conda',

  async installTool(ctx) {
    const executable = condaExecutable(ctx.inputs.condaPath, process.env.CONDA)
    const result = await runCommand(executable, ['--version'], { silent: true }).catch(() => undefined)
    const version = result?.exitCode === 0 ? /conda (\S+)/.exec(result.stdout)?.[1] : undefined
    if (!version) {
      throw new UserError({
        title: 'conda not found',
        message: `The project uses a conda environment file, but '${executable}' does not run.`,
        fix: "Use a GitHub-hosted runner (they set $CONDA), set 'conda-path:' to the conda program, or set 'manager:' to another manager.",
      })
    }
    return { version, executable }
  },

  async install(ctx) {
    const { project, venv } = ctx
    const envFile = project.condaFile ?? ''
    const prefix = venv.root
    const exists = preparePrefix(prefix, project.workspace)
    core.info(
      `${exists ? 'Updating' : 'Creating'} the conda environment ${prefix} from ${relativePosix(project.workspace, envFile)}`,
    )
    const conda = await runCommand(ctx.tool?.executable ?? 'conda', condaEnvArgs(prefix, envFile, exists), {
      cwd: project.root,
      env: processEnv({ CONDA_PKGS_DIRS: condaPkgsDir(ctx) }),
    })
    if (conda.exitCode !== 0) {
      throw new UserError({
        title: 'conda could not create the environment',
        message: `conda exited with code ${conda.exitCode}: ${conda.stderr.trim().split('\n').slice(-2).join(' ')}`,
        file: relativePosix(project.workspace, envFile),
        fix: 'Run the same conda env create locally and fix the package specs it names.',
      })
    }
    fs.writeFileSync(path.join(prefix, OWNER_MARKER), 'created by setup-python-env\n')
    const env = processEnv(condaActivation(prefix, process.env.PATH ?? ''))
    if (project.condaInner === 'poetry') {
      const tool = await installPoetryTool(ctx)
      return poetryInstall(
        { ...ctx, tool },
        { ...env, POETRY_VIRTUALENVS_CREATE: 'false', POETRY_NO_INTERACTION: '1' },
      )
    }
    if (project.condaInner === 'uv') return uvIntoConda(ctx, env)
    return pipIntoConda(ctx, env)
  },

  installedPackages: (ctx) => listInstalled(ctx),
  check: (ctx) => pipCheck(ctx),
}

function condaPkgsDir(ctx: ManagerContext): string {
  return managerCacheDir(ctx, 'CONDA_PKGS_DIRS', 'conda-pkgs')
}

/** true when the prefix is a conda env this action made before (update it), false when absent. */
function preparePrefix(prefix: string, workspace: string): boolean {
  if (!fs.existsSync(prefix)) return false
  const ours = fs.existsSync(path.join(prefix, OWNER_MARKER))
  if (ours && fs.existsSync(path.join(prefix, 'conda-meta'))) return true
  if (!ours && fs.readdirSync(prefix).length > 0) {
    throw new UserError({
      title: 'Environment path is taken',
      message: `${relativePosix(workspace, prefix)} already exists and was not created by setup-python-env; it is left untouched.`,
      fix: "Set 'venv-path:' to another folder.",
    })
  }
  fs.rmSync(prefix, { recursive: true, force: true })
  return false
}

/** uv inside conda: export the lock as pinned requirements, then `uv pip install` into the prefix. */
async function uvIntoConda(ctx: ManagerContext, env: Record<string, string>): Promise<Finding[]> {
  const tool = await installUvTool(ctx)
  const findings: Finding[] = []
  const out = path.join(ctx.runner.runTemp, 'setup-python-env-uv-export.txt')
  const cwd = ctx.project.installRoot ?? ctx.project.root
  const exportArgs = ['export', '--format', 'requirements-txt', '--no-emit-project', '--output-file', out]
  let exported = await runCommand(tool.executable, [...exportArgs, '--locked'], { cwd, env })
  if (exported.exitCode !== 0 && /needs to be updated/.test(exported.stderr)) {
    const lockFile = ctx.project.lock?.file ?? 'uv.lock'
    findings.push(lockStaleFinding(lockFile, 'pyproject.toml', 'uv lock', 'The lock was installed as it is.'))
    exported = await runCommand(tool.executable, [...exportArgs, '--frozen'], { cwd, env })
  }
  if (exported.exitCode !== 0)
    throw new UserError({ title: 'uv export failed', message: exported.stderr.trim() })
  const python = condaPython(ctx.venv.root)
  const installed = await runCommand(tool.executable, ['pip', 'install', '--python', python, '-r', out], {
    cwd,
    env,
  })
  if (installed.exitCode !== 0)
    throw new UserError({ title: 'uv pip install failed', message: installed.stderr.trim() })
  return findings
}

async function pipIntoConda(ctx: ManagerContext, env: Record<string, string>): Promise<Finding[]> {
  const python = condaPython(ctx.venv.root)
  for (const file of ctx.project.requirementsFiles) {
    const result = await runCommand(python, ['-m', 'pip', 'install', '-r', file.path], {
      cwd: ctx.project.root,
      env,
    })
    if (result.exitCode !== 0) {
      throw new UserError({
        title: 'pip install failed',
        message: `pip install -r ${file.file} in the conda environment exited with code ${result.exitCode}: ${lastLines(result.stderr)}`,
        file: file.file,
        fix: `Fix the requirement pip names in ${file.file}.`,
      })
    }
  }
  return []
}

function lastLines(output: string): string {
  return output.trim().split('\n').slice(-2).join(' ')
}
