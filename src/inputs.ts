import * as path from 'node:path'
import * as core from '@actions/core'
import { UserError } from './errors.js'

/** The only module that reads `INPUT_*`: everything else receives this typed, frozen object. */
export type ManagerChoice = 'auto' | 'pip'
export type FailOn = 'error' | 'warning' | 'never'
export type CommentMode = 'auto' | 'always' | 'never'
export type SmokeTest = { kind: 'auto' } | { kind: 'none' } | { kind: 'command'; argv: string[] }

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
  failOn: FailOn
  /** The `rules` input as written; drift/policy.ts parses it against the rule ids. */
  rules: string
  comment: CommentMode
  /** Masked with core.setSecret; never printed. */
  githubToken?: string
  /** Branch, tag or commit to compare with when the event is not a pull request. */
  baseRef?: string
}

const MANAGERS: readonly ManagerChoice[] = ['auto', 'pip']
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']
const COMMENT: readonly CommentMode[] = ['auto', 'always', 'never']

export type InputReader = (name: string) => string

export function loadInputs(read: InputReader = (name) => core.getInput(name)): Inputs {
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd())
  const workingDirectory = path.resolve(workspace, read('working-directory') || '.')
  const pythonVersion = read('python-version').trim() || undefined
  if (pythonVersion !== undefined) validatePythonVersion(pythonVersion)
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
    failOn: oneOf('fail-on', read('fail-on') || 'error', FAIL_ON),
    rules: read('rules'),
    comment: oneOf('comment', read('comment') || 'auto', COMMENT),
    githubToken: readToken(read),
    baseRef: read('base-ref').trim() || undefined,
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

function readToken(read: InputReader): string | undefined {
  const token = read('github-token').trim()
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

const PYTHON_VERSION = /^\d+(\.\d+){0,2}$/

function validatePythonVersion(value: string): void {
  if (PYTHON_VERSION.test(value)) return
  throw new UserError({
    title: 'Invalid input python-version',
    message: `Input 'python-version' is '${value}', which is not a Python version.`,
    fix: "Use a version such as '3.11' or '3.11.7'.",
  })
}

function parseSmokeTest(value: string): SmokeTest {
  const trimmed = value.trim()
  if (trimmed === '' || trimmed === 'auto') return { kind: 'auto' }
  if (trimmed === 'none' || trimmed === 'false') return { kind: 'none' }
  const argv = splitCommandLine(trimmed)
  if (!looksLikeCommand(argv)) {
    throw new UserError({
      title: 'Invalid input smoke-test',
      message: `Input 'smoke-test' is '${trimmed}', which is neither 'auto', 'none' nor a command line.`,
      fix: "Set 'smoke-test:' to auto, none, or a command such as 'pytest tests/test_smoke.py -v'.",
    })
  }
  return { kind: 'command', argv }
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
