/**
 * The tool cache names architectures the way the runner does: RUNNER_ARCH lower-cased ('x64',
 * 'arm64', 'x86'), which is also how actions/python-versions names its files. Without a runner,
 * Node's name, except 32-bit x86 which Node calls 'ia32'.
 */
export function toolCacheArch(runnerArch: string | undefined, nodeArch: string): string {
  if (runnerArch) return runnerArch.toLowerCase()
  return nodeArch === 'ia32' ? 'x86' : nodeArch
}

/**
 * The architecture of the Python to find: the `architecture` input, else the runner's. `foreignArch`
 * says the input asked for another one than the runner's (x86 on a Windows x64 runner).
 */
export function pythonArch(
  input: string | undefined,
  runnerArch: string,
): { arch: string; foreignArch: boolean } {
  return { arch: input ?? runnerArch, foreignArch: input !== undefined && input !== runnerArch }
}
