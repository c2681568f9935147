import * as exec from '@actions/exec'
import { runBounded } from './exec-bounded.js'

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
  /** Set when `timeoutMs` passed and the program (with what it started) was stopped. */
  timedOut?: boolean
}

export interface CommandOptions {
  cwd?: string
  env?: Record<string, string>
  /** Hide the tool's output from the log (it is still captured). */
  silent?: boolean
  /** Stop the program and every process it started after this long (src/exec-bounded.ts). */
  timeoutMs?: number
}

/**
 * Runs a program with an argv array (never through a shell), streaming its output to the log
 * so long installs show progress, and returns the exit code and captured output.
 */
export async function runCommand(
  program: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  if (options.timeoutMs !== undefined) {
    const env = options.env ?? processEnv()
    return runBounded(program, args, { cwd: options.cwd, env, timeoutMs: options.timeoutMs })
  }
  const result = await exec.getExecOutput(program, args, {
    cwd: options.cwd,
    env: options.env ?? processEnv(),
    silent: options.silent ?? false,
    ignoreReturnCode: true,
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

/** Set when an abandoned cache restore moved GITHUB_WORKSPACE away (cache/service.ts): the real one. */
export const REAL_WORKSPACE = 'SETUP_PYTHON_ENV_REAL_WORKSPACE'

/** The environment of this process without undefined values, plus overrides. */
export function processEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value
  const real = env[REAL_WORKSPACE]
  if (real) {
    env.GITHUB_WORKSPACE = real
    delete env[REAL_WORKSPACE]
  }
  return { ...env, ...overrides }
}
