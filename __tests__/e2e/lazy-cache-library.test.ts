import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type LoopbackCacheService, startCacheService } from '../../scripts/loopback/cache-service.js'
import { copyExample, errors, runAction } from '../support/run-action.js'
import { lazyLoads, tracedDist } from '../support/traced-dist.js'

// The cache library (@actions/cache and the Azure SDK, half of the bundle) is a chunk loaded on
// first use: a step that neither restores nor saves must not pay for loading it.
describe('the cache library is loaded only by a step that talks to the cache service', () => {
  let service: LoopbackCacheService
  let scratch: string
  let projectDir: string
  let distDir: string
  let trace: string
  const run = async () => {
    fs.rmSync(trace, { force: true })
    const result = await runAction('pip-project', {
      projectDir,
      distDir,
      cacheDir: path.join(scratch, 'cache'),
      cacheService: service,
    })
    expect({ main: result.exitCode, post: result.post.exitCode, errors: errors(result) }).toEqual({
      main: 0,
      post: 0,
      errors: [],
    })
    return { result, loadedBy: lazyLoads(trace) }
  }

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-lazy-cache-'))
    trace = path.join(scratch, 'lazy-loads.txt')
    distDir = tracedDist(trace)
    service = await startCacheService({ dir: path.join(scratch, 'cache', 'service') })
    projectDir = copyExample('pip-project')
  })
  afterAll(() => service.close())

  it('a miss loads it in main (restore) and in post (save)', async () => {
    const { result, loadedBy } = await run()
    expect(result.outputs['cache-hit']).toBe('false')
    expect(loadedBy).toEqual(['index.js', 'post.js'])
  })

  it('an exact hit loads it in main only: post has nothing to save', async () => {
    const { result, loadedBy } = await run()
    expect(result.outputs['cache-hit']).toBe('true')
    expect(result.post.log).toContain('not saving (exact hit)')
    expect(loadedBy).toEqual(['index.js'])
  })
})
