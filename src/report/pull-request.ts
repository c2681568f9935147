import type { RunnerEvent } from '../runner.js'

/** The pull request number of a pull_request(_target) event payload, else undefined. */
export function pullRequestNumber(event: RunnerEvent): number | undefined {
  if (!/^pull_request/.test(event.name)) return undefined
  const pullRequest = event.payload.pull_request as { number?: unknown } | undefined
  const number = pullRequest?.number ?? event.payload.number
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined
}
