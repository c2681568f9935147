/**
 * The tool cache names architectures the way the runner does: RUNNER_ARCH lower-cased ('x64',
 * 'arm64', 'x86'), which is also how actions/python-versions names its files. Without a runner,
 * Node's name, except 32-bit x86 which Node calls 'ia32'.
 */
export function toolCacheArch(runnerArch: string | undefined, nodeArch: string): string {
  if (runnerArch) return runnerArch.toLowerCase()
  return nodeArch === 'ia32' ? 'x86' : nodeArch
}
