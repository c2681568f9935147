// A loopback OSV API (https://google.github.io/osv.dev/api/) for tests and the local runner:
// POST /v1/querybatch (ids only, in query order, paginated with next_page_token) and
// GET /v1/vulns/{id}, over advisories the tests write, with faults to inject.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { OsvRecord } from '../../src/advisories/osv-types.js'
import { affectsVersion } from '../../src/drift/osv-ranges.js'
import { normalizeName } from '../../src/model/requirement.js'

/** `status` answers every call with `status`; `garbage` with a body that is not JSON; `slow` after `delayMs`; `reset` drops the connection. */
export type OsvFault = 'none' | 'status' | 'garbage' | 'slow' | 'reset' | 'short'

export interface OsvServiceOptions {
  advisories?: OsvRecord[]
  /** Advisory ids per querybatch result before a next_page_token (the real service pages big answers). */
  pageSize?: number
  fault?: OsvFault
  status?: number
  delayMs?: number
}

export interface OsvRequest {
  method: string
  path: string
  /** Queries of a querybatch call. */
  queries?: number
}

export interface OsvService {
  url: string
  requests: OsvRequest[]
  /** Milliseconds spent computing answers (so a benchmark can subtract the fake's own work). */
  busyMs(): number
  setFault(fault: OsvFault, options?: { status?: number; delayMs?: number }): void
  close(): Promise<void>
}

const MAX_QUERIES = 1000

export async function startOsvService(options: OsvServiceOptions = {}): Promise<OsvService> {
  const advisories = options.advisories ?? []
  const pageSize = options.pageSize ?? 100
  let fault = options.fault ?? 'none'
  let status = options.status ?? 500
  let delayMs = options.delayMs ?? 60_000
  const requests: OsvRequest[] = []
  let busy = 0
  const byName = new Map<string, OsvRecord[]>()
  for (const record of advisories)
    for (const entry of record.affected ?? []) {
      const name = normalizeName(entry.package?.name ?? '')
      byName.set(name, [...(byName.get(name) ?? []), record])
    }
  const sockets = new Set<import('node:net').Socket>()

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/'
      const body = Buffer.concat(chunks).toString('utf8')
      const answer = () => {
        const started = performance.now()
        try {
          return route(req.method ?? 'GET', path, body)
        } finally {
          busy += performance.now() - started
        }
      }
      const entry: OsvRequest = { method: req.method ?? 'GET', path }
      requests.push(entry)
      if (fault === 'reset') return req.socket.destroy()
      if (fault === 'slow') return void setTimeout(() => send(res, answer()), delayMs).unref()
      if (fault === 'status') return send(res, { status, json: { code: status, message: 'injected fault' } })
      if (fault === 'garbage') return send(res, { status: 200, text: '<html>not json</html>' })
      const result = answer()
      if (fault === 'short' && Array.isArray((result.json as { results?: unknown[] })?.results))
        (result.json as { results: unknown[] }).results.pop()
      entry.queries = result.queries
      send(res, result)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function route(method: string, path: string, body: string): Answer {
    if (method === 'POST' && path === '/v1/querybatch') return queryBatch(body)
    const vuln = /^\/v1\/vulns\/([^/]+)$/.exec(path)
    if (method === 'GET' && vuln) {
      const id = decodeURIComponent(vuln[1] ?? '')
      const record = advisories.find((a) => a.id === id)
      return record
        ? { status: 200, json: record }
        : { status: 404, json: { code: 5, message: 'Bug not found.' } }
    }
    return { status: 404, json: { code: 5, message: 'Not found' } }
  }

  function queryBatch(body: string): Answer {
    let parsed: {
      queries?: { package?: { name?: string; ecosystem?: string }; version?: string; page_token?: string }[]
    }
    try {
      parsed = JSON.parse(body)
    } catch {
      return { status: 400, json: { code: 3, message: 'Invalid JSON' } }
    }
    const queries = parsed.queries ?? []
    if (!Array.isArray(queries) || queries.length > MAX_QUERIES)
      return { status: 400, json: { code: 3, message: `Too many queries (max ${MAX_QUERIES})` } }
    const results = queries.map((query) => {
      const name = query.package?.name ?? ''
      const version = query.version ?? ''
      const ids = (byName.get(normalizeName(name)) ?? [])
        .filter((a) => query.package?.ecosystem === 'PyPI' && affectsVersion(a, name, version))
        .map((a) => ({ id: a.id, modified: '2026-11-01T00:00:00Z' }))
      const offset = query.page_token ? Number(Buffer.from(query.page_token, 'base64url').toString()) : 0
      const page = ids.slice(offset, offset + pageSize)
      const more = offset + pageSize < ids.length
      return {
        ...(page.length > 0 ? { vulns: page } : {}),
        ...(more ? { next_page_token: Buffer.from(String(offset + pageSize)).toString('base64url') } : {}),
      }
    })
    return { status: 200, json: { results }, queries: queries.length }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    busyMs: () => busy,
    setFault(next, more = {}) {
      fault = next
      status = more.status ?? status
      delayMs = more.delayMs ?? delayMs
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

interface Answer {
  status: number
  json?: unknown
  text?: string
  queries?: number
}

function send(res: http.ServerResponse, answer: Answer): void {
  if (res.destroyed) return
  const body = answer.text ?? JSON.stringify(answer.json)
  res.writeHead(answer.status, { 'content-type': answer.text ? 'text/html' : 'application/json' })
  res.end(body)
}

/** A loopback URL nothing listens on: the service is down. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}
