import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import { closedPortUrl, type OsvService, startOsvService } from '../../../scripts/loopback/osv-service.js'
import { advisory } from '../../support/advisories.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { queryOsv } = await import('../../../src/advisories/osv-client.js')
const { lookUpAdvisories } = await import('../../../src/advisories/look-up-advisories.js')

const sixAdvisory = advisory('GHSA-t3st-s1x0-0001', 'six', { fixed: '1.17.0' })
let service: OsvService | undefined
afterEach(async () => {
  await service?.close()
  service = undefined
  jest.clearAllMocks()
})

const signal = () => AbortSignal.timeout(5000)

describe('queryOsv against a loopback OSV service', () => {
  it('asks in batches of 1,000 and fetches each distinct advisory once', async () => {
    service = await startOsvService({ advisories: [sixAdvisory] })
    const queries = Array.from({ length: 2500 }, (_, i) => ({ name: `pkg${i}`, version: '1.0' }))
    queries.push({ name: 'six', version: '1.16.0' }, { name: 'six', version: '1.17.0' })
    const answer = await queryOsv(service.url, queries, signal())
    expect(answer.byPackage).toEqual({ 'six==1.16.0': ['GHSA-t3st-s1x0-0001'] })
    expect(Object.keys(answer.records)).toEqual(['GHSA-t3st-s1x0-0001'])
    const batches = service.requests.filter((r) => r.path === '/v1/querybatch')
    expect(batches.map((r) => r.queries)).toEqual([1000, 1000, 502])
    expect(service.requests.filter((r) => r.path.startsWith('/v1/vulns/'))).toHaveLength(1)
  })

  it('follows next_page_token until every advisory of a package is listed', async () => {
    const many = Array.from({ length: 5 }, (_, i) => advisory(`TEST-${i}`, 'six', { fixed: '2.0' }))
    service = await startOsvService({ advisories: many, pageSize: 2 })
    const answer = await queryOsv(service.url, [{ name: 'six', version: '1.0' }], signal())
    expect(answer.byPackage['six==1.0']).toEqual(['TEST-0', 'TEST-1', 'TEST-2', 'TEST-3', 'TEST-4'])
    expect(service.requests.filter((r) => r.path === '/v1/querybatch')).toHaveLength(3)
  })

  it.each([
    ['status', /HTTP 503/],
    ['garbage', /not JSON/],
    ['short', /without 1 results/],
    ['reset', /socket hang up|ECONNRESET/],
  ] as const)('a %s answer throws', async (fault, message) => {
    service = await startOsvService({ advisories: [sixAdvisory], fault, status: 503 })
    await expect(queryOsv(service.url, [{ name: 'six', version: '1.16.0' }], signal())).rejects.toThrow(
      message,
    )
  })
})

describe('lookUpAdvisories', () => {
  it('sends nothing with audit off', async () => {
    service = await startOsvService()
    const lookup = await lookUpAdvisories([{ name: 'six', version: '1.0' }], {
      enabled: false,
      url: service.url,
    })
    expect(lookup).toEqual({ status: 'skipped', reason: "input 'audit' is false" })
    expect(service.requests).toHaveLength(0)
  })

  it('turns a service that is down into one notice', async () => {
    const lookup = await lookUpAdvisories([{ name: 'six', version: '1.0' }], {
      enabled: true,
      url: await closedPortUrl(),
    })
    expect(lookup.status).toBe('unavailable')
    expect(coreMock.notice).toHaveBeenCalledTimes(1)
    expect(String(coreMock.notice.mock.calls[0]?.[0])).toMatch(/^Vulnerabilities not checked: .*ECONNREFUSED/)
  })

  it('gives up on a slow service at its deadline', async () => {
    service = await startOsvService({ fault: 'slow', delayMs: 30_000 })
    const lookup = await lookUpAdvisories([{ name: 'six', version: '1.0' }], {
      enabled: true,
      url: service.url,
      timeoutMs: 1000,
    })
    expect(lookup).toEqual({
      status: 'unavailable',
      reason: 'the advisory service did not answer within 1 s',
    })
  })
})
