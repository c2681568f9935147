import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { advisoryCache } = await import('../../../src/advisories/advisory-cache.js')

describe('the advisory cache without a cache service', () => {
  it('restores nothing and never fails; save still writes the answers it was given', async () => {
    const saved = { ...process.env }
    for (const name of [
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_RESULTS_URL',
      'ACTIONS_CACHE_URL',
      'ACTIONS_CACHE_SERVICE_V2',
    ])
      delete process.env[name]
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-osv-cache-'))
      const cache = advisoryCache(dir, true)
      const queries = [{ name: 'six', version: '1.16.0' }]
      expect(await cache.restore('https://api.osv.dev', queries)).toBeUndefined()
      await cache.save('https://api.osv.dev', queries, {
        byPackage: { 'six==1.16.0': ['A'] },
        records: {},
        requests: 2,
      })
      const file = path.join(dir, 'setup-python-env-osv', 'advisories.json')
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
        url: 'https://api.osv.dev',
        queries: ['six==1.16.0'],
        byPackage: { 'six==1.16.0': ['A'] },
      })
      const readOnly = advisoryCache(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-osv-cache-')), false)
      await readOnly.save('https://api.osv.dev', queries, { byPackage: {}, records: {}, requests: 1 })
    } finally {
      process.env = saved
    }
  })
})
