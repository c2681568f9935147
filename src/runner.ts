import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as cache from '@actions/cache'
import * as core from '@actions/core'

/** The event that started the job, its payload parsed once (`{}` when absent or unreadable). */
export interface RunnerEvent {
  name: string
  payload: Record<string, unknown>
}

/**
 * What the runner tells the action about the machine and the job, read once by loadRunner()
 * beside loadInputs() and passed down: nothing else reads the runner's variables.
 */
export interface Runner {
  /**
   * RUNNER_TEMP, else the OS temp folder: the base of folders whose path must stay the same from
   * run to run (the download caches: the cache service's version hash covers the paths).
   */
  tempRoot: string
  /** A fresh folder under tempRoot for this run's scratch files; two runs in one job never share one. */
  runTemp: string
  /** RUNNER_TOOL_CACHE: where interpreters and tools are kept between jobs on a runner. */
  toolCache?: string
  /** The checkout: GITHUB_WORKSPACE, else the current folder. */
  workspace: string
  event: RunnerEvent
  /** GITHUB_REF, e.g. refs/heads/main ('' without a runner). */
  ref: string
  /** owner/name, when the runner says. */
  repository?: string
  apiUrl: string
  platform: NodeJS.Platform
  /** Node's name for the CPU, as the cache keys use it: 'x64', 'arm64'. */
  arch: string
  /** The tool cache's name for it (RUNNER_ARCH lower-cased): 'x64', 'arm64', 'x86'. */
  toolArch: string
  /** The hosted image, e.g. ubuntu24, part of the cache keys. */
  imageOs?: string
  /** Whether the job has a cache service (ACTIONS_RESULTS_URL and its token). */
  cacheService: boolean
}

/** Reads the runner once. Never writes into the checkout: without RUNNER_TEMP, the OS temp folder. */
export function loadRunner(env: NodeJS.ProcessEnv = process.env): Runner {
  const tempRoot = path.resolve(env.RUNNER_TEMP || os.tmpdir())
  const runsDir = path.join(tempRoot, 'setup-python-env', 'runs')
  fs.mkdirSync(runsDir, { recursive: true })
  return {
    tempRoot,
    runTemp: fs.mkdtempSync(path.join(runsDir, 'run-')),
    toolCache: env.RUNNER_TOOL_CACHE || undefined,
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    event: { name: env.GITHUB_EVENT_NAME ?? '', payload: readPayload(env.GITHUB_EVENT_PATH) },
    ref: env.GITHUB_REF ?? '',
    repository: env.GITHUB_REPOSITORY || undefined,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    platform: process.platform,
    arch: process.arch,
    toolArch: toolCacheArch(env.RUNNER_ARCH, process.arch),
    imageOs: env.ImageOS || undefined,
    cacheService: cache.isFeatureAvailable(),
  }
}

function readPayload(file: string | undefined): Record<string, unknown> {
  if (!file || !fs.existsSync(file)) return {}
  try {
    const payload: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
    return payload && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : {}
  } catch {
    core.warning('The event payload is not valid JSON; it is ignored (no pull request, no base revision).')
    return {}
  }
}

/**
 * The tool cache names architectures the way the runner does: RUNNER_ARCH lower-cased ('x64',
 * 'arm64', 'x86'), which is also how actions/python-versions names its files. Without a runner,
 * Node's name, except 32-bit x86 which Node calls 'ia32'.
 */
export function toolCacheArch(runnerArch: string | undefined, nodeArch: string): string {
  if (runnerArch) return runnerArch.toLowerCase()
  return nodeArch === 'ia32' ? 'x86' : nodeArch
}
