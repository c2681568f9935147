import * as fs from 'node:fs'
import type * as http from 'node:http'
import * as path from 'node:path'
import type { CacheStore } from './cache-store.js'

/** Faults on the blob side: what the Azure SDK upload and the plain GET download see. */
export interface BlobFaults {
  /** Send the full Content-Length but only half the bytes, then drop the connection. */
  truncateDownload?: boolean
  /** Send the right length of wrong bytes (a corrupt archive that downloads fine). */
  corruptDownload?: boolean
  /** Answer uploads with 500. */
  upload500?: boolean
}

const BLOB_PATH = /^\/devstoreaccount1\/actions-cache\/(\d+)$/

/**
 * The "Azure blob" half of the loopback cache service. Uploads: one `PUT` (≤ 128 MiB, answered
 * 201 as Azure does), or `PUT ?comp=block&blockid=…` per block then `PUT ?comp=blocklist` with a
 * `<BlockList>` body naming the blocks in order. Downloads: a plain GET with Content-Length.
 */
export async function handleBlobRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  store: CacheStore,
  faults: BlobFaults,
): Promise<void> {
  const match = BLOB_PATH.exec(url.pathname)
  const id = Number(match?.[1] ?? Number.NaN)
  if (!match || url.searchParams.get('sig') !== store.signature(id)) {
    return sendXml(res, 403, 'AuthenticationFailed', 'Signature did not match')
  }
  if (req.method === 'GET' || req.method === 'HEAD') return download(req, res, store, id, faults)
  if (req.method !== 'PUT') return sendXml(res, 405, 'UnsupportedHttpVerb', `${req.method} is not supported`)
  if (!store.pending(id)) return sendXml(res, 409, 'BlobImmutable', 'entry is not being uploaded')
  if (faults.upload500) {
    await drain(req)
    return sendXml(res, 500, 'InternalError', 'injected fault')
  }
  const comp = url.searchParams.get('comp')
  if (comp === 'block') {
    const blockId = url.searchParams.get('blockid') ?? ''
    fs.mkdirSync(store.blockDir(id), { recursive: true })
    await writeBody(req, path.join(store.blockDir(id), blockFileName(blockId)))
    return created(res)
  }
  if (comp === 'blocklist') {
    const xml = (await collect(req)).toString('utf8')
    const ids = [...xml.matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1] ?? '')
    const target = fs.openSync(store.blobPath(id), 'w')
    try {
      for (const blockId of ids)
        fs.writeSync(target, fs.readFileSync(path.join(store.blockDir(id), blockFileName(blockId))))
    } finally {
      fs.closeSync(target)
    }
    fs.rmSync(store.blockDir(id), { recursive: true, force: true })
    return created(res)
  }
  await writeBody(req, store.blobPath(id))
  return created(res)
}

function download(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  store: CacheStore,
  id: number,
  faults: BlobFaults,
): void {
  if (!store.exists(id)) {
    sendXml(res, 404, 'BlobNotFound', 'The specified blob does not exist.')
    return
  }
  const file = store.blobPath(id)
  const size = fs.statSync(file).size
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  if (faults.truncateDownload) {
    res.write(fs.readFileSync(file).subarray(0, Math.floor(size / 2)), () => res.destroy())
    return
  }
  if (faults.corruptDownload) {
    const bytes = fs.readFileSync(file)
    for (let i = 0; i < bytes.length; i += 7) bytes[i] = (bytes[i] ?? 0) ^ 0xff
    res.end(bytes)
    return
  }
  fs.createReadStream(file).pipe(res)
}

/** Block ids are base64; file names must not contain '/'. */
function blockFileName(blockId: string): string {
  return Buffer.from(blockId, 'base64').toString('hex') || 'empty'
}

function created(res: http.ServerResponse): void {
  res.writeHead(201, {
    'content-length': 0,
    etag: `"0x${Date.now().toString(16)}"`,
    'x-ms-request-id': 'loopback',
  })
  res.end()
}

function sendXml(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`
  res.writeHead(status, {
    'content-type': 'application/xml',
    'x-ms-error-code': code,
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

function writeBody(req: http.IncomingMessage, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file)
    req.pipe(out)
    out.on('finish', () => resolve())
    out.on('error', reject)
    req.on('error', reject)
  })
}

function collect(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function drain(req: http.IncomingMessage): Promise<void> {
  return collect(req).then(() => undefined)
}
