import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { OsvRecord } from '../../src/advisories/osv-types.js'
import { serviceDir, startCacheService } from '../loopback/cache-service.js'
import { type OsvRequest, startOsvService } from '../loopback/osv-service.js'
import { actionNode } from './node-runtime.js'
import { pullRequestPayload } from './pull-request-event.js'
import { readKeyValueFile, readPathFile } from './runner-files.js'
import { type Annotation, parseWorkflowCommands } from './workflow-commands.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface LocalRunOptions {
  /** The checkout the action runs on (GITHUB_WORKSPACE). */
  projectDir: string
  inputs?: Record<string, string>
  /** Folder for RUNNER_TEMP, HOME and the runner files; a fresh temp dir by default. */
  workDir?: string
  /** RUNNER_TOOL_CACHE; `<workDir>/toolcache` by default. */
  toolCacheDir?: string
  /** Extra environment for both steps (e.g. PIP_CACHE_DIR shared by tests). */
  env?: Record<string, string>
  eventName?: string
  eventPayload?: unknown
  /** With eventName pull_request: the base branch/commit of the generated event payload; else the base-ref input. */
  baseRef?: string
  /** Copy the child's log to this process's stderr while it runs. */
  stream?: boolean
  /** Kill a step that runs longer than this. */
  timeoutMs?: number
  distDir?: string
  /**
   * Plays the runner machine's cache: a loopback cache service backed by `<cacheDir>/service`
   * serves both steps, and the runner folders live in `<cacheDir>/runner` so RUNNER_TEMP is the
   * same path on every run, as on a hosted runner (the cache version covers the paths).
   */
  cacheDir?: string
  /** An already started cache service (e.g. with faults) to use instead of starting one. */
  cacheService?: { env(): Record<string, string> }
  /**
   * Without an `osv-url` input, the run asks a loopback OSV service holding these advisories
   * (none by default), so no local run ever sends package names off the machine.
   */
  advisories?: OsvRecord[]
}

export interface StepResult {
  exitCode: number
  annotations: Annotation[]
  log: string
  /** Wall-clock time of the step's process, for the benchmark. */
  durationMs: number
}

export interface LocalRunResult extends StepResult {
  outputs: Record<string, string>
  summary: string
  /** Variables the step exported for later steps (GITHUB_ENV). */
  exportedEnv: Record<string, string>
  /** Directories the step prepended to PATH (GITHUB_PATH). */
  addedPath: string[]
  post: StepResult
  workDir: string
  /** Requests the loopback OSV service received (empty when the run named its own osv-url). */
  osvRequests: OsvRequest[]
}

/** Variables of the calling shell that would leak a real runner's context into the run. */
const NOT_INHERITED = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_|VIRTUAL_ENV$|pythonLocation$)/

/** Runs dist/index.js then dist/post.js exactly as the GitHub runner does, on a local folder. */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const workspace = path.resolve(options.projectDir)
  if (!fs.existsSync(workspace)) throw new Error(`project folder ${workspace} does not exist`)
  const workDir =
    options.workDir ??
    (options.cacheDir
      ? path.join(path.resolve(options.cacheDir), 'runner')
      : fs.mkdtempSync(path.join(os.tmpdir(), 'setup-python-env-local-')))
  const dirs = {
    temp: path.join(workDir, 'temp'),
    home: path.join(workDir, 'home'),
    files: path.join(workDir, 'runner-files'),
    toolCache: options.toolCacheDir ?? path.join(workDir, 'toolcache'),
  }
  // The runner empties its temp folder before every job.
  fs.rmSync(dirs.temp, { recursive: true, force: true })
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true })
  const files = {
    output: path.join(dirs.files, 'output'),
    state: path.join(dirs.files, 'state'),
    env: path.join(dirs.files, 'env'),
    path: path.join(dirs.files, 'path'),
    summary: path.join(dirs.files, 'summary.md'),
    event: path.join(dirs.files, 'event.json'),
  }
  for (const file of [files.output, files.state, files.env, files.path, files.summary])
    fs.writeFileSync(file, '')
  const isPullRequest = options.eventName === 'pull_request'
  const payload =
    options.eventPayload ??
    (isPullRequest && options.baseRef ? pullRequestPayload(workspace, options.baseRef) : {})
  fs.writeFileSync(files.event, JSON.stringify(payload))
  const inputs = { ...options.inputs }
  if (options.baseRef && !isPullRequest && inputs['base-ref'] === undefined)
    inputs['base-ref'] = options.baseRef

  const baseEnv: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !NOT_INHERITED.test(name)) baseEnv[name] = value
  }
  const runnerEnv: Record<string, string> = {
    ...baseEnv,
    HOME: dirs.home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'local/project',
    GITHUB_REPOSITORY_OWNER: 'local',
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKFLOW: 'ci',
    GITHUB_WORKFLOW_REF: 'local/project/.github/workflows/ci.yml@refs/heads/main',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'local',
    GITHUB_ACTION: 'setup-python-env',
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: dirs.toolCache,
    RUNNER_OS: runnerOs(),
    RUNNER_ARCH: runnerArch(),
    ...options.env,
  }
  for (const [name, value] of Object.entries(inputs)) {
    runnerEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }

  const distDir = options.distDir ?? path.join(repoRoot, 'dist')
  const timeoutMs = options.timeoutMs ?? 20 * 60 * 1000
  const ownService =
    !options.cacheService && options.cacheDir
      ? await startCacheService({ dir: serviceDir(path.resolve(options.cacheDir)) })
      : undefined
  const service = options.cacheService ?? ownService
  if (service) Object.assign(runnerEnv, service.env())
  const osv =
    inputs['osv-url'] === undefined ? await startOsvService({ advisories: options.advisories }) : undefined
  if (osv) runnerEnv['INPUT_OSV-URL'] = osv.url
  let main: StepResult
  let post: StepResult
  try {
    main = await runStep(path.join(distDir, 'index.js'), runnerEnv, workspace, options.stream, timeoutMs)
    const state = readKeyValueFile(files.state)
    const postEnv = { ...runnerEnv }
    for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value
    post = await runStep(path.join(distDir, 'post.js'), postEnv, workspace, options.stream, timeoutMs)
  } finally {
    await ownService?.close()
    await osv?.close()
  }

  return {
    ...main,
    outputs: readKeyValueFile(files.output),
    summary: fs.readFileSync(files.summary, 'utf8'),
    exportedEnv: readKeyValueFile(files.env),
    addedPath: readPathFile(files.path),
    post,
    workDir,
    osvRequests: osv?.requests ?? [],
  }
}

function runStep(
  script: string,
  env: Record<string, string>,
  cwd: string,
  stream: boolean | undefined,
  timeoutMs: number,
): Promise<StepResult> {
  const node = actionNode()
  if (node.note && stream) process.stderr.write(`${node.note}\n`)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(node.path, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: string[] = []
    // like the runner: ::debug:: lines are shown only with step debug logging on
    const showDebug = env.ACTIONS_STEP_DEBUG === 'true' || env.RUNNER_DEBUG === '1'
    let partial = ''
    const collect = (data: Buffer) => {
      const text = data.toString('utf8')
      chunks.push(text)
      if (!stream) return
      const lines = (partial + text).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines)
        if (showDebug || !line.startsWith('::debug::')) process.stderr.write(`${line}\n`)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => {
      chunks.push(`\n[local runner] step exceeded ${timeoutMs} ms and was killed\n`)
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (stream && partial) process.stderr.write(`${partial}\n`)
      const log = chunks.join('')
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        annotations: parseWorkflowCommands(log).annotations,
        log,
        durationMs: performance.now() - started,
      })
    })
  })
}

function runnerOs(): string {
  if (process.platform === 'win32') return 'Windows'
  if (process.platform === 'darwin') return 'macOS'
  return 'Linux'
}

function runnerArch(): string {
  const map: Record<string, string> = { x64: 'X64', arm64: 'ARM64', ia32: 'X86', arm: 'ARM' }
  return map[process.arch] ?? process.arch.toUpperCase()
}
