import { describe, expect, it } from '@jest/globals'

describe('cacheHooksFor', () => {
  // post loads the hooks before any manager module: an import cycle between a manager and its
  // hooks then leaves one of them uninitialised and post dies before it starts
  it('loads every manager hook first, without an import cycle, and they are the managers’ own', async () => {
    const { cacheHooksFor } = await import('../../../src/managers/cache-hooks.js')
    const { uvManager } = await import('../../../src/managers/uv.js')
    const { poetryManager } = await import('../../../src/managers/poetry.js')
    const { pipManager } = await import('../../../src/managers/pip.js')
    expect(cacheHooksFor('uv')).toBe(uvManager.cache)
    expect(cacheHooksFor('poetry')).toBe(poetryManager.cache)
    expect(cacheHooksFor('pip')).toBe(pipManager.cache)
    expect(cacheHooksFor('conda')).toBeUndefined()
  })
})
