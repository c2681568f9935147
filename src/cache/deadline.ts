import * as core from '@actions/core'

let abandoned = 0

/**
 * Resolves to the promise's value, or to `onTimeout()` after `ms` with a warning. @actions/cache
 * sets no timeout on its service calls, so a hung service would otherwise hang the step.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout: () => T,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      abandoned++
      core.warning(
        `${what} took longer than ${Math.round(ms / 1000)}s and was abandoned; continuing without it.`,
      )
      resolve(onTimeout())
    }, ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** True when a request was left running at its deadline: its socket may keep the process alive. */
export function workWasAbandoned(): boolean {
  return abandoned > 0
}

/** Seconds before a cache restore or save is abandoned; SETUP_PYTHON_ENV_CACHE_TIMEOUT overrides. */
export function cacheTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.SETUP_PYTHON_ENV_CACHE_TIMEOUT)
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10 * 60 * 1000
}
