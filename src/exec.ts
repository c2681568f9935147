import * as exec from '@actions/exec'

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface CommandOptions {
  cwd?: string
  env?: Record<string, string>
  /** Hide the tool's output from the log (it is still captured). */
  silent?: boolean
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
  const result = await exec.getExecOutput(program, args, {
    cwd: options.cwd,
    env: options.env,
    silent: options.silent ?? false,
    ignoreReturnCode: true,
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

/** The environment of this process without undefined values, plus overrides. */
export function processEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value
  return { ...env, ...overrides }
}
