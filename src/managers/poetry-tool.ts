import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { UserError } from '../errors.js'
import { processEnv, runCommand } from '../exec.js'
import { resolvePoetryVersion } from './poetry-version.js'
import type { ManagerTool, ToolContext } from './types.js'
import { venvLayout } from './venv-layout.js'

/**
 * Poetry in its own venv in the tool cache (`poetry/<version>/<arch>`), made with the runner's
 * Python and `pip install poetry==X` — never inside the user's environment. A cached venv whose
 * interpreter is gone (another Python) is rebuilt.
 */
export async function installPoetryTool(ctx: ToolContext): Promise<ManagerTool> {
  const arch = ctx.runner.toolArch
  const choice = resolvePoetryVersion(ctx.inputs.poetryVersion, ctx.project.lock)
  core.info(`poetry ${choice.version} (${choice.source})`)
  const cached = tc.find('poetry', choice.version, arch)
  if (cached && (await works(poetryProgram(cached)))) {
    core.info(`Using poetry ${choice.version} from the tool cache: ${cached}`)
    return { version: choice.version, executable: poetryProgram(cached) }
  }
  const toolCache = ctx.runner.toolCache
  if (!toolCache) throw new Error('RUNNER_TOOL_CACHE is not set; the runner always sets it')
  const dir = path.join(toolCache, 'poetry', choice.version, arch)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(`${dir}.complete`, { force: true })
  fs.mkdirSync(path.dirname(dir), { recursive: true })
  // A hosted runner's tool cache starts empty: its own cache entry spares the pip install.
  const tools = ctx.caching?.tools
  const key = tools?.key('poetry', choice.version, dir)
  if (tools && key && (await tools.restore(key, dir))) {
    if (await works(poetryProgram(dir))) {
      fs.writeFileSync(`${dir}.complete`, '')
      core.info(`Restored poetry ${choice.version} from the cache (${key}).`)
      return {
        version: choice.version,
        executable: poetryProgram(dir),
        cacheEntry: tools.entry(key, dir, false),
      }
    }
    core.warning(`The cached poetry ${choice.version} (${key}) does not run; installing it again.`)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    await pipInstallPoetry(ctx.python.executable, dir, choice)
  } catch (error) {
    removeWithEmptyParents(dir, toolCache)
    throw error
  }
  // the marker tool-cache's find() looks for
  fs.writeFileSync(`${dir}.complete`, '')
  return {
    version: choice.version,
    executable: poetryProgram(dir),
    cacheEntry: tools && key ? tools.entry(key, dir, true) : undefined,
  }
}

/** `python -m venv DIR` and `pip install poetry==X` into it; a UserError when pip cannot. */
async function pipInstallPoetry(python: string, dir: string, choice: { version: string; source: string }) {
  const venv = venvLayout(dir)
  const created = await runCommand(python, ['-m', 'venv', dir], { silent: true })
  if (created.exitCode !== 0) throw new Error(`python -m venv failed: ${created.stderr}`)
  core.info(`Installing poetry==${choice.version} into its own environment ${dir}`)
  const env = processEnv({ PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONNOUSERSITE: '1' })
  const result = await runCommand(venv.python, ['-m', 'pip', 'install', `poetry==${choice.version}`], {
    env,
  })
  if (result.exitCode !== 0) {
    const available = /\(from versions: ([^)]*)\)/.exec(`${result.stdout}\n${result.stderr}`)?.[1]
    const latest = available?.split(',').slice(-3).join(',').trim()
    throw new UserError({
      title: 'poetry install failed',
      message: `pip could not install poetry==${choice.version} (${choice.source})${latest ? `; the latest releases are ${latest}` : ''}.`,
      fix: "Set 'poetry-version:' to an existing poetry release (e.g. 2.5.1).",
    })
  }
}

/** A failed install leaves no trace in the tool cache, not even empty version folders. */
function removeWithEmptyParents(dir: string, stop: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
  let parent = path.dirname(dir)
  while (parent.startsWith(stop) && parent !== stop && fs.readdirSync(parent).length === 0) {
    fs.rmdirSync(parent)
    parent = path.dirname(parent)
  }
}

function poetryProgram(dir: string): string {
  const venv = venvLayout(dir)
  return path.join(venv.binDir, process.platform === 'win32' ? 'poetry.exe' : 'poetry')
}

async function works(program: string): Promise<boolean> {
  if (!fs.existsSync(program)) return false
  try {
    return (await runCommand(program, ['--version'], { silent: true })).exitCode === 0
  } catch {
    return false
  }
}
