import * as fs from 'node:fs'

/** The pull request number of a pull_request(_target) event payload, else undefined. */
export function pullRequestNumber(
  eventName: string | undefined,
  eventPath: string | undefined,
): number | undefined {
  if (!eventPath || !/^pull_request/.test(eventName ?? '') || !fs.existsSync(eventPath)) return undefined
  try {
    const payload = JSON.parse(fs.readFileSync(eventPath, 'utf8')) as {
      pull_request?: { number?: unknown }
      number?: unknown
    }
    const number = payload.pull_request?.number ?? payload.number
    return typeof number === 'number' && Number.isInteger(number) ? number : undefined
  } catch {
    return undefined
  }
}
