import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { type BlobFaults, handleBlobRequest } from './cache-blobs.js'
import { CacheStore } from './cache-store.js'

/**
 * A loopback stand-in for the GitHub Actions cache service, speaking the protocol the pinned
 * @actions/cache (6.3.0) uses when ACTIONS_CACHE_SERVICE_V2 is set: twirp JSON calls under
 * /twirp/github.actions.results.api.v1.CacheService/, uploads through the Azure Blob SDK to a
 * "signed" URL on this server (path style /<account>/<container>/<blob>, since the host is an IP),
 * downloads as a plain GET. Entries live in a directory, so a second process sees the first's.
 */

export interface CacheServiceFaults extends BlobFaults {
  /** Answer twirp calls with 500 (JSON body, so the client's retries are what is exercised). */
  twirp500?: boolean
  /** Hold twirp calls without answering for this long, then drop the connection. */
  hangMs?: number
  /** Delay every answer by this long. */
  slowMs?: number
  /** Answer twirp calls (only them) this late: a lookup that returns after the client's deadline. */
  twirpDelayMs?: number
  /** CreateCacheEntry answers 409 already_exists, as when another job reserved the key. */
  reserveConflict?: boolean
}

export interface CacheServiceOptions {
  /** Where entries are stored; created when missing. */
  dir: string
  faults?: CacheServiceFaults
  port?: number
}

export interface RecordedRequest {
  method: string
  /** Twirp method name, or 'upload' / 'download'. */
  call: string
  status: number
}

export interface LoopbackCacheService {
  /** Origin to put in ACTIONS_RESULTS_URL. */
  url: string
  token: string
  dir: string
  /** The variables that make @actions/cache 6.x use this service (and nothing else). */
  env(): Record<string, string>
  setFaults(faults: CacheServiceFaults): void
  requests: RecordedRequest[]
  /** Keys of the finalized entries, oldest first. */
  keys(): string[]
  /** Keys of the environment entries only (not the tool entries or the day's advisory answers). */
  envKeys(): string[]
  close(): Promise<void>
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/'
/** The longest a hung request is held, whatever the fault says: every wait here is bounded. */
const MAX_HANG_MS = 120_000

export async function startCacheService(options: CacheServiceOptions): Promise<LoopbackCacheService> {
  fs.mkdirSync(options.dir, { recursive: true })
  const store = new CacheStore(options.dir)
  const token = `loopback-${randomBytes(8).toString('hex')}`
  let faults: CacheServiceFaults = { ...options.faults }
  const requests: RecordedRequest[] = []
  const sockets = new Set<import('node:net').Socket>()
  let origin = ''

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const record = (call: string) => {
      res.on('finish', () => requests.push({ method: req.method ?? '', call, status: res.statusCode }))
    }
    const respond = async () => {
      if (faults.slowMs) await delay(Math.min(faults.slowMs, MAX_HANG_MS))
      if (url.pathname === '/_control/faults' && req.method === 'POST') {
        faults = JSON.parse(await readBody(req)) as CacheServiceFaults
        return sendJson(res, 200, { ok: true })
      }
      if (url.pathname.startsWith(TWIRP_PREFIX)) {
        const method = url.pathname.slice(TWIRP_PREFIX.length)
        record(method)
        return handleTwirp(method, req, res)
      }
      record(req.method === 'GET' ? 'download' : 'upload')
      return handleBlobRequest(req, res, url, store, faults)
    }
    respond().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', msg: String(error) })
      else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handleTwirp(method: string, req: http.IncomingMessage, res: http.ServerResponse) {
    if (faults.hangMs) {
      await delay(Math.min(faults.hangMs, MAX_HANG_MS))
      res.destroy()
      return
    }
    if (faults.twirpDelayMs) await delay(Math.min(faults.twirpDelayMs, MAX_HANG_MS))
    if (req.headers.authorization !== `Bearer ${token}`) {
      return sendJson(res, 401, { code: 'unauthenticated', msg: 'bad or missing bearer token' })
    }
    if (faults.twirp500) return sendJson(res, 500, { code: 'internal', msg: 'injected fault' })
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>
    const key = String(body.key ?? '')
    const version = String(body.version ?? '')
    switch (method) {
      case 'CreateCacheEntry': {
        if (faults.reserveConflict || store.find(key, version)) {
          return sendJson(res, 409, { code: 'already_exists', msg: `cache entry ${key} already exists` })
        }
        const id = store.reserve(key, version)
        return sendJson(res, 200, { ok: true, signed_upload_url: blobUrl(id) })
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = store.finalize(key, version, Number(body.size_bytes ?? -1))
        if (!entry) return sendJson(res, 200, { ok: false, message: `no upload of ${key} to finalize` })
        return sendJson(res, 200, { ok: true, entry_id: String(entry.id) })
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : []
        const entry = store.lookup([key, ...restoreKeys], version)
        if (!entry) return sendJson(res, 200, { ok: false })
        return sendJson(res, 200, {
          ok: true,
          signed_download_url: blobUrl(entry.id),
          matched_key: entry.key,
        })
      }
      default:
        return sendJson(res, 404, { code: 'bad_route', msg: `no method ${method}` })
    }
  }

  function blobUrl(id: number): string {
    return `${origin}/devstoreaccount1/actions-cache/${id}?sig=${store.signature(id)}&se=2099-01-01`
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/`,
    token,
    dir: options.dir,
    env: () => ({
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: `${origin}/`,
      ACTIONS_RUNTIME_TOKEN: token,
    }),
    setFaults: (next) => {
      faults = { ...next }
    },
    requests,
    keys: () => store.finalizedKeys(),
    envKeys: () => store.finalizedKeys().filter((key) => key.startsWith('setup-python-env-v')),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return readBuffer(req).then((buffer) => buffer.toString('utf8'))
}

export function readBuffer(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Where a service started for a cache dir keeps its entries (the dir may hold other things). */
export function serviceDir(cacheDir: string): string {
  return path.join(cacheDir, 'service')
}
