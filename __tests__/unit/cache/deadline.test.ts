import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
let deadline: typeof import('../../../src/cache/deadline.js')
beforeAll(async () => {
  deadline = await import('../../../src/cache/deadline.js')
})

describe('withDeadline', () => {
  it('passes the value through when the work finishes in time', async () => {
    await expect(deadline.withDeadline(Promise.resolve('done'), 1000, 'Work', () => 'late')).resolves.toBe(
      'done',
    )
    expect(deadline.workWasAbandoned()).toBe(false)
  })

  it('gives up with a warning when the work hangs, and remembers it abandoned work', async () => {
    const never = new Promise<string>(() => {})
    await expect(deadline.withDeadline(never, 20, 'Cache restore', () => 'late')).resolves.toBe('late')
    expect(coreMock.warning).toHaveBeenCalledWith(expect.stringContaining('Cache restore took longer than'))
    expect(deadline.workWasAbandoned()).toBe(true)
  })

  it.each([
    [{}, 600_000],
    [{ SETUP_PYTHON_ENV_CACHE_TIMEOUT: '3' }, 3000],
    [{ SETUP_PYTHON_ENV_CACHE_TIMEOUT: 'soon' }, 600_000],
  ])('reads the timeout from %j', (env, ms) => {
    expect(deadline.cacheTimeoutMs(env)).toBe(ms)
  })
})
