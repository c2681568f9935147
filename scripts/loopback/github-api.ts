import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback GitHub REST API for tests: issue comments (list, create, update), repository
 * contents and changed files (pull request files, compare), on 127.0.0.1, with the real paths and JSON shapes, recording every request.
 */
export interface StoredComment {
  id: number
  issue: number
  body: string
}

export interface RecordedRequest {
  method: string
  path: string
  authorization?: string
}

export interface GitHubApiFake {
  url: string
  comments: StoredComment[]
  requests: RecordedRequest[]
  /** Files by `ref:path`, served by GET /repos/{owner}/{repo}/contents/{path}?ref=. */
  contents: Map<string, string>
  /** Changed files of pull requests by number, served by GET /repos/{o}/{r}/pulls/{n}/files (pages of per_page). */
  pullFiles: Map<number, string[]>
  /** Changed files by `base...head`, served by GET /repos/{o}/{r}/compare/{base}...{head} (at most 300, as GitHub). */
  compareFiles: Map<string, string[]>
  /** Answer the changed-files reads (pulls files, compare) with this status. */
  failReads?: number
  /** Answer comment writes (POST/PATCH) with this status, e.g. 403 for a fork's read-only token. */
  failWrites?: number
  /** Hold every request this long without answering, then drop it (at most 2 minutes). */
  hangMs?: number
  close(): Promise<void>
}

export async function startGitHubApi(options: { token?: string } = {}): Promise<GitHubApiFake> {
  let nextId = 1000
  const fake: Omit<GitHubApiFake, 'url' | 'close'> = {
    comments: [],
    requests: [],
    contents: new Map(),
    pullFiles: new Map(),
    compareFiles: new Map(),
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      fake.requests.push({
        method: req.method ?? '',
        path: url.pathname,
        authorization: req.headers.authorization,
      })
      if (fake.hangMs) {
        setTimeout(() => res.destroy(), Math.min(fake.hangMs, 120_000))
        return
      }
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        send(401, { message: 'Bad credentials' })
        return
      }
      let body: { body?: unknown } = {}
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body?: unknown }) : {}
      } catch {
        send(400, { message: 'Problems parsing JSON' })
        return
      }
      const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname)
      const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)
      const contents = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(url.pathname)
      const pullFiles = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(url.pathname)
      const compare = /^\/repos\/[^/]+\/[^/]+\/compare\/(.+)$/.exec(url.pathname)
      const isWrite = req.method === 'POST' || req.method === 'PATCH'
      if ((pullFiles || compare) && fake.failReads) {
        send(fake.failReads, { message: 'Server Error' })
      } else if (pullFiles && req.method === 'GET') {
        const files = fake.pullFiles.get(Number(pullFiles[1]))
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
        const page = Number(url.searchParams.get('page') ?? 1)
        if (!files) send(404, { message: 'Not Found' })
        else
          send(
            200,
            files
              .slice((page - 1) * perPage, page * perPage)
              .map((filename) => ({ filename, status: 'modified' })),
          )
      } else if (compare && req.method === 'GET') {
        const files = fake.compareFiles.get(decodeURIComponent(compare[1] ?? ''))
        if (!files) send(404, { message: 'Not Found' })
        else
          send(200, {
            status: 'ahead',
            files: files.slice(0, 300).map((filename) => ({ filename, status: 'modified' })),
          })
      } else if ((list || one) && isWrite && fake.failWrites) {
        send(fake.failWrites, { message: 'Resource not accessible by integration' })
      } else if (list && req.method === 'GET') {
        const issue = Number(list[1])
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        const all = fake.comments.filter((c) => c.issue === issue)
        send(
          200,
          all.slice((page - 1) * perPage, page * perPage).map(({ id, body }) => ({ id, body })),
        )
      } else if (list && req.method === 'POST' && typeof body.body === 'string') {
        const comment = { id: nextId++, issue: Number(list[1]), body: body.body }
        fake.comments.push(comment)
        send(201, { id: comment.id, body: comment.body })
      } else if (one && req.method === 'PATCH' && typeof body.body === 'string') {
        const comment = fake.comments.find((c) => c.id === Number(one[1]))
        if (!comment) send(404, { message: 'Not Found' })
        else {
          comment.body = body.body
          send(200, { id: comment.id, body: comment.body })
        }
      } else if (contents && req.method === 'GET') {
        const text = fake.contents.get(
          `${url.searchParams.get('ref') ?? ''}:${decodeURIComponent(contents[1] ?? '')}`,
        )
        if (text === undefined) send(404, { message: 'Not Found' })
        else send(200, { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64') })
      } else {
        send(404, { message: 'Not Found' })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
