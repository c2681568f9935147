import * as path from 'node:path'
import * as core from '@actions/core'
import { UserError } from './errors.js'
import { parseSpecOrThrow } from './model/python-spec.js'

/** The only module that reads `INPUT_*`: everything else receives this typed, frozen object. */
export type ManagerChoice = 'auto' | 'pip' | 'uv' | 'poetry' | 'conda'
export type FailOn = 'error' | 'warning' | 'never'
export type CommentMode = 'auto' | 'always' | 'never'
/** auto: a smoke subset picked from the project (src/verify/smoke-choice.ts); full: the whole suite. */
export type SmokeTest =
  | { kind: 'auto' }
  | { kind: 'full' }
  | { kind: 'none' }
  | { kind: 'command'; argv: string[] }
/** 'auto' saves except on pull_request_target, workflow_run and tag pushes (src/cache/save-policy.ts). */
export type CacheSave = 'auto' | 'true' | 'false'

export interface Inputs {
  /** Absolute path of the repository checkout (GITHUB_WORKSPACE). */
  workspace: string
  /** Absolute path of the project inside the workspace. */
  workingDirectory: string
  pythonVersion?: string
  /** Absolute path, when the user named one. */
  pythonVersionFile?: string
  manager: ManagerChoice
  /** Requirements files relative to the working directory, in install order. */
  requirements: string[]
  /** Absolute path of the virtual environment the action owns. */
  venvPath: string
  smokeTest: SmokeTest
  /** Seconds after which a smoke test still running is stopped (its whole process tree). */
  smokeTestTimeout: number
  failOn: FailOn
  /** Base URL of a python-versions mirror (versions-manifest.json + archives); undefined: GitHub. */
  pythonMirror?: string
  /** Expected SHA-256 of the Python archive to download, lower-case hex. */
  pythonSha256?: string
  /** The Python's architecture as the tool cache names it (x64, x86, arm64); undefined: the runner's. */
  architecture?: PythonArch
  /** Look for a newer matching version in the manifest even when the tool cache has one. */
  checkLatest: boolean
  allowPrereleases: boolean
  /** Sent only to the default (GitHub) download host. */
  token?: string
  /** uv to install ('latest' is resolved at install); undefined: required-version of the project, else the pinned default. */
  uvVersion?: string
  uvSource: UvSource
  /** Base URL replacing the GitHub releases download URL of uv archives. */
  uvMirror?: string
  poetryVersion?: string
  /** Dependency groups to install besides the manager's defaults. */
  groups: string[]
  extras: string[]
  allExtras: boolean
  /** The conda executable; undefined: $CONDA/bin/conda, else conda on PATH. */
  condaPath?: string
  /** Cache the ready environment (src/cache/). */
  cache: boolean
  cacheSave: CacheSave
  /** Globs (relative to the working directory) whose files key the cache instead of the lock files. */
  cacheDependencyGlob: string[]
  cacheSuffix?: string
  /** The `rules` input as written; drift/policy.ts parses it against the rule ids. */
  rules: string
  comment: CommentMode
  /** Masked with core.setSecret; never printed. */
  githubToken?: string
  /** Branch, tag or commit to compare with when the event is not a pull request. */
  baseRef?: string
  /** setup: install one project; discover: list the repository's projects (src/discover/). */
  mode: Mode
  /** discover: globs (relative to the repository root, `!` excludes) that narrow the search. */
  discoverPaths: string[]
  /** discover: list every project, whatever changed. */
  discoverAll: boolean
  /** discover: list each uv workspace member (with its --package) instead of the workspace root. */
  discoverWorkspaceMembers: boolean
  /** Ask the advisory service about the installed versions (vulnerable-dependency). */
  audit: boolean
  /** Base URL of an OSV-compatible API (POST /v1/querybatch, GET /v1/vulns/{id}). */
  osvUrl: string
}

export type Mode = 'setup' | 'discover'

export type UvSource = 'github' | 'pypi'
export type PythonArch = 'x64' | 'x86' | 'arm64'

const MANAGERS: readonly ManagerChoice[] = ['auto', 'uv', 'poetry', 'pip', 'conda']
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']
const UV_SOURCES: readonly UvSource[] = ['github', 'pypi']
const CACHE_SAVE: readonly CacheSave[] = ['auto', 'true', 'false']
const COMMENT: readonly CommentMode[] = ['auto', 'always', 'never']
const ARCHITECTURES: readonly PythonArch[] = ['x64', 'x86', 'arm64']
const MODES: readonly Mode[] = ['setup', 'discover']

export type InputReader = (name: string) => string

export function loadInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd())
  const workingDirectory = path.resolve(workspace, read('working-directory') || '.')
  const pythonVersion = read('python-version').trim() || undefined
  if (pythonVersion !== undefined) parseSpecOrThrow(pythonVersion)
  const versionFile = read('python-version-file').trim()
  const inputs: Inputs = {
    workspace,
    workingDirectory,
    pythonVersion,
    pythonVersionFile: versionFile ? path.resolve(workingDirectory, versionFile) : undefined,
    manager: oneOf('manager', read('manager') || 'auto', MANAGERS),
    requirements: splitList(read('requirements')),
    venvPath: path.resolve(workingDirectory, read('venv-path') || '.venv'),
    smokeTest: parseSmokeTest(read('smoke-test')),
    smokeTestTimeout: parseSeconds('smoke-test-timeout', read('smoke-test-timeout') || '300'),
    failOn: oneOf('fail-on', read('fail-on') || 'error', FAIL_ON),
    pythonMirror: parseMirror('python-mirror', read('python-mirror').trim(), 'versions-manifest.json'),
    pythonSha256: parseSha256(read('python-sha256').trim()),
    architecture: read('architecture').trim()
      ? oneOf('architecture', read('architecture').toLowerCase(), ARCHITECTURES)
      : undefined,
    checkLatest: parseBoolean('check-latest', read('check-latest')),
    allowPrereleases: parseBoolean('allow-prereleases', read('allow-prereleases')),
    token: readToken(read, 'token'),
    uvVersion: toolVersion('uv-version', read('uv-version')),
    uvSource: oneOf('uv-source', read('uv-source') || 'github', UV_SOURCES),
    uvMirror: parseMirror('uv-mirror', read('uv-mirror').trim(), '<version>/uv-<target>.tar.gz'),
    poetryVersion: toolVersion('poetry-version', read('poetry-version')),
    groups: splitList(read('groups')),
    extras: splitList(read('extras')),
    allExtras: parseBoolean('all-extras', read('all-extras')),
    condaPath: read('conda-path').trim() || undefined,
    // parsed like every other boolean input, so `cache: True` means what `check-latest: True` does
    cache: parseBoolean('cache', read('cache') || 'true'),
    cacheSave: oneOf('cache-save', read('cache-save') || 'auto', CACHE_SAVE),
    cacheDependencyGlob: read('cache-dependency-glob')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
    cacheSuffix: parseCacheSuffix(read('cache-suffix')),
    rules: read('rules'),
    comment: oneOf('comment', read('comment') || 'auto', COMMENT),
    githubToken: readToken(read, 'github-token'),
    baseRef: read('base-ref').trim() || undefined,
    mode: oneOf('mode', read('mode') || 'setup', MODES),
    discoverPaths: read('discover-paths')
      .split(/[\n,]/)
      .map((glob) => glob.trim())
      .filter((glob) => glob.length > 0),
    discoverAll: parseBoolean('discover-all', read('discover-all')),
    discoverWorkspaceMembers: parseBoolean('discover-workspace-members', read('discover-workspace-members')),
    audit: parseBoolean('audit', read('audit') || 'true'),
    osvUrl: parseMirror('osv-url', read('osv-url').trim(), '/v1/querybatch') ?? 'https://api.osv.dev',
  }
  return Object.freeze(inputs)
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const trimmed = value.trim()
  if ((allowed as readonly string[]).includes(trimmed)) return trimmed as T
  throw new UserError({
    title: `Invalid input ${name}`,
    message: `Input '${name}' is '${trimmed}', which is not one of: ${allowed.join(', ')}.`,
    fix: `Set '${name}:' to one of ${allowed.join(', ')} in your workflow.`,
  })
}

/** Tokens are masked before anything can print them. */
function readToken(read: InputReader, name: 'token' | 'github-token'): string | undefined {
  const token = read(name).trim()
  if (!token) return undefined
  core.setSecret(token)
  return token
}

/** Lists are separated by newlines, commas or spaces, as users write them in YAML. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,\s]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

/** The suffix goes into the key verbatim: keep it short and free of commas (the service splits on them). */
function parseCacheSuffix(value: string): string | undefined {
  const trimmed = value.trim()
  if (!trimmed) return undefined
  if (/^[A-Za-z0-9._+-]{1,64}$/.test(trimmed)) return trimmed
  throw new UserError({
    title: 'Invalid input cache-suffix',
    message: `Input 'cache-suffix' is '${trimmed}'; it may only hold letters, digits and . _ + - (at most 64).`,
    fix: "Use a short word such as 'lint' or 'py311-gpu'.",
  })
}

/**
 * A tool version goes into a download URL and a pip requirement, so only version characters
 * pass; whether that version exists is the download's or pip's answer.
 */
function toolVersion(name: string, value: string): string | undefined {
  const trimmed = value.trim().replace(/^v(?=\d)/, '')
  if (trimmed === '') return undefined
  // uv resolves 'latest' when it installs (managers/uv-latest.ts); poetry keeps its pinned default
  if (trimmed === 'latest') return name === 'uv-version' ? 'latest' : undefined
  if (/^[0-9][0-9A-Za-z.+-]*$/.test(trimmed)) return trimmed
  throw new UserError({
    title: `Invalid input ${name}`,
    message: `Input '${name}' is '${trimmed}', which is not a version.`,
    fix: `Set '${name}:' to an exact version such as ${name === 'uv-version' ? '0.13.9' : '2.5.1'}, or remove it to use the project's pin.`,
  })
}

export function parseBoolean(name: string, value: string): boolean {
  const trimmed = value.trim().toLowerCase()
  if (trimmed === '' || trimmed === 'false') return false
  if (trimmed === 'true') return true
  throw new UserError({
    title: `Invalid input ${name}`,
    message: `Input '${name}' is '${value.trim()}', which is neither true nor false.`,
    fix: `Set '${name}:' to true or false.`,
  })
}

const MIRROR_EXAMPLES: Record<string, string> = {
  'uv-mirror': 'https://mirror.example.com/uv',
  'osv-url': 'https://api.osv.dev',
}

function parseMirror(name: string, value: string, serves: string): string | undefined {
  if (!value) return undefined
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return value.replace(/\/+$/, '')
  throw new UserError({
    title: `Invalid input ${name}`,
    message: `Input '${name}' is '${value}', which is not an http(s) URL.`,
    fix: `Set '${name}:' to the base URL that serves ${serves}, e.g. ${MIRROR_EXAMPLES[name] ?? 'https://mirror.example.com/python-versions'}.`,
  })
}

function parseSha256(value: string): string | undefined {
  if (!value) return undefined
  if (/^[0-9a-fA-F]{64}$/.test(value)) return value.toLowerCase()
  throw new UserError({
    title: 'Invalid input python-sha256',
    message: `Input 'python-sha256' is '${value}', which is not a SHA-256 (64 hex digits).`,
    fix: "Set 'python-sha256:' to the archive's checksum, e.g. the output of 'sha256sum <archive>'.",
  })
}

function parseSmokeTest(value: string): SmokeTest {
  const trimmed = value.trim()
  if (trimmed === '' || trimmed === 'auto') return { kind: 'auto' }
  if (trimmed === 'full') return { kind: 'full' }
  if (trimmed === 'none' || trimmed === 'false') return { kind: 'none' }
  const argv = splitCommandLine(trimmed)
  if (!looksLikeCommand(argv)) {
    throw new UserError({
      title: 'Invalid input smoke-test',
      message: `Input 'smoke-test' is '${trimmed}', which is neither 'auto', 'full', 'none' nor a command line.`,
      fix: "Set 'smoke-test:' to auto, full, none, or a command such as 'pytest tests/test_smoke.py -v'.",
    })
  }
  return { kind: 'command', argv }
}

/** A whole number of seconds, at least 1 (a day at most: a longer hang is not a smoke test). */
function parseSeconds(name: string, value: string): number {
  const trimmed = value.trim()
  const seconds = /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN
  if (seconds >= 1 && seconds <= 86_400) return seconds
  throw new UserError({
    title: `Invalid input ${name}`,
    message: `Input '${name}' is '${trimmed}', which is not a whole number of seconds between 1 and 86400.`,
    fix: `Set '${name}:' to a number of seconds such as 300.`,
  })
}

/**
 * A lone word that is not a known test runner or a path is far more likely a typo of a keyword
 * (`smoke-test: yes`) than a program on PATH, so it is refused instead of failing later.
 */
function looksLikeCommand(argv: string[]): boolean {
  const program = argv[0]
  if (program === undefined) return false
  if (argv.length > 1) return true
  return /[/\\]/.test(program) || KNOWN_RUNNERS.has(program)
}

const KNOWN_RUNNERS = new Set([
  'pytest',
  'python',
  'python3',
  'py.test',
  'tox',
  'nox',
  'make',
  'bash',
  'sh',
  'uv',
  'poetry',
])

/** Splits a command line into argv the way a POSIX shell would for quotes, without running a shell. */
export function splitCommandLine(line: string): string[] {
  const argv: string[] = []
  let current = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i)
    if (quote) {
      if (ch === quote) quote = undefined
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line.charAt(++i)
      else current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line.charAt(++i)
      inWord = true
    } else if (/\s/.test(ch)) {
      if (inWord) argv.push(current)
      current = ''
      inWord = false
    } else {
      current += ch
      inWord = true
    }
  }
  if (quote) {
    throw new UserError({
      title: 'Invalid input smoke-test',
      message: `Input 'smoke-test' has an unclosed ${quote} quote: ${line}`,
      fix: 'Close the quote or remove it.',
    })
  }
  if (inWord) argv.push(current)
  return argv
}
