import * as cache from '@actions/cache'
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { cacheServiceAvailable } from '../../../src/runner.js'

// service.ts answers without loading @actions/cache (it is a chunk loaded on first use); the
// answer must stay the library's own for every combination of the variables it reads.
describe('cacheServiceAvailable', () => {
  const saved = { ...process.env }
  afterAll(() => {
    process.env = saved
  })

  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
  const servers = fc.constantFrom(
    'https://github.com',
    'https://acme.ghe.com',
    'https://ghes.acme.internal',
    'http://github.localhost',
    '',
  )
  const value = fc.constantFrom('', '1', 'true', 'http://127.0.0.1:9/')

  it("gives @actions/cache's isFeatureAvailable() answer", () => {
    fc.assert(
      fc.property(maybe(servers), maybe(value), maybe(value), maybe(value), (server, v2, results, legacy) => {
        const env: NodeJS.ProcessEnv = {}
        if (server !== undefined) env.GITHUB_SERVER_URL = server
        if (v2 !== undefined) env.ACTIONS_CACHE_SERVICE_V2 = v2
        if (results !== undefined) env.ACTIONS_RESULTS_URL = results
        if (legacy !== undefined) env.ACTIONS_CACHE_URL = legacy
        process.env = env
        expect(cacheServiceAvailable(env)).toBe(cache.isFeatureAvailable())
      }),
      { numRuns: 300 },
    )
  })
})
