import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as cache from '@actions/cache'
import { BlockBlobClient } from '@azure/storage-blob'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { type LoopbackCacheService, startCacheService } from '../../../scripts/loopback/cache-service.js'

/** The real @actions/cache 6.3.0, unmodified, against the loopback service. */
describe('loopback cache service', () => {
  let service: LoopbackCacheService
  let workspace: string
  const saved = { ...process.env }

  beforeAll(async () => {
    service = await startCacheService({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'spe-cache-svc-')) })
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-cache-ws-'))
    for (const name of Object.keys(process.env)) {
      if (/^(ACTIONS_|GITHUB_SERVER_URL$)/.test(name)) delete process.env[name]
    }
    Object.assign(process.env, service.env(), {
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: fs.mkdtempSync(path.join(os.tmpdir(), 'spe-cache-tmp-')),
    })
  })
  afterEach(() => service.setFaults({}))
  afterAll(async () => {
    await service.close()
    process.env = saved
  })

  function writeTree(name: string, content: string): string {
    const dir = path.join(workspace, name)
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'sub', 'file.txt'), content)
    return dir
  }

  it('saves and restores a folder by exact key, and by restore-key prefix', async () => {
    const dir = writeTree('tree', 'hello')
    expect(await cache.saveCache([dir], 'k-linux-aaa')).toBeGreaterThan(0)
    fs.rmSync(dir, { recursive: true })

    expect(await cache.restoreCache([dir], 'k-linux-aaa', ['k-linux-'])).toBe('k-linux-aaa')
    expect(fs.readFileSync(path.join(dir, 'sub', 'file.txt'), 'utf8')).toBe('hello')

    fs.rmSync(dir, { recursive: true })
    expect(await cache.restoreCache([dir], 'k-linux-bbb', ['k-linux-'])).toBe('k-linux-aaa')
    expect(await cache.restoreCache([dir], 'k-mac-bbb', ['k-mac-'])).toBeUndefined()
  })

  it('keeps entries of other paths apart (the version hash covers the paths)', async () => {
    const dir = writeTree('one', 'x')
    await cache.saveCache([dir], 'k-paths-1')
    expect(await cache.restoreCache([path.join(workspace, 'two')], 'k-paths-1')).toBeUndefined()
  })

  it('refuses a second save of the same key without throwing', async () => {
    const dir = writeTree('dup', 'x')
    expect(await cache.saveCache([dir], 'k-dup')).toBeGreaterThan(0)
    expect(await cache.saveCache([dir], 'k-dup')).toBe(-1)
    service.setFaults({ reserveConflict: true })
    expect(await cache.saveCache([dir], 'k-dup-2')).toBe(-1)
    expect(service.keys()).not.toContain('k-dup-2')
  })

  it.each([['truncateDownload' as const], ['corruptDownload' as const]])(
    'turns a %s into a miss',
    async (fault) => {
      const dir = writeTree(`bad-${fault}`, 'y'.repeat(200_000))
      await cache.saveCache([dir], `k-${fault}`)
      fs.rmSync(dir, { recursive: true })
      service.setFaults({ [fault]: true })
      expect(await cache.restoreCache([dir], `k-${fault}`)).toBeUndefined()
    },
  )

  it('fails an upload answered 500 without storing an entry', async () => {
    const dir = writeTree('up500', 'z')
    service.setFaults({ upload500: true })
    expect(await cache.saveCache([dir], 'k-up500')).toBe(-1)
    expect(service.keys()).not.toContain('k-up500')
  })

  it('assembles block uploads (staged blocks, then the block list) as the Azure SDK sends them', async () => {
    const token = service.env().ACTIONS_RUNTIME_TOKEN ?? ''
    const create = await fetch(
      `${service.url}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'k-blocks', version: 'v1' }),
      },
    )
    const { signed_upload_url: url } = (await create.json()) as { signed_upload_url: string }
    const file = path.join(workspace, 'blocks.bin')
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7)
    bytes.write('start')
    fs.writeFileSync(file, bytes)
    await new BlockBlobClient(url).uploadFile(file, {
      blockSize: 1024 * 1024,
      maxSingleShotSize: 1024,
      concurrency: 2,
    })
    const finalize = await fetch(
      `${service.url}twirp/github.actions.results.api.v1.CacheService/FinalizeCacheEntryUpload`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'k-blocks', version: 'v1', size_bytes: String(bytes.length) }),
      },
    )
    expect(await finalize.json()).toMatchObject({ ok: true })
    const download = await fetch(url)
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('answers twirp calls without the bearer token with a JSON 401', async () => {
    const response = await fetch(
      `${service.url}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`,
      {
        method: 'POST',
        body: '{}',
      },
    )
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' })
  })
})
