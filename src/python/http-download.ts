import * as fs from 'node:fs'
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'

export interface HttpOptions {
  /** Tries per URL, the first included. */
  attempts: number
  /** Wait before the 2nd try; doubled for each further one. */
  backoffMs: number
  /** Give up an attempt when no byte arrived for this long (a stalled or slow server). */
  idleTimeoutMs: number
  headers?: OutgoingHttpHeaders
}

export const DEFAULT_HTTP: HttpOptions = { attempts: 4, backoffMs: 1000, idleTimeoutMs: 30_000 }

/** A 404/410: the file is not there, which is an answer, not a fault to retry. */
export class NotFoundError extends Error {}

/** The host cannot be reached at all (no DNS name, no network): retrying will not help. */
export class UnreachableError extends Error {}

/** Downloads `url` into `dest`, retrying faults with backoff; the file is complete or absent. */
export async function downloadToFile(
  url: string,
  dest: string,
  options: HttpOptions = DEFAULT_HTTP,
): Promise<void> {
  await withRetries(url, options, async () => {
    try {
      await getOnce(url, options, (body) => pipeTo(body, dest, options.idleTimeoutMs))
    } catch (error) {
      fs.rmSync(dest, { force: true })
      throw error
    }
  })
}

/** The body of `url` as text; undefined on 404. */
export async function fetchText(
  url: string,
  options: HttpOptions = DEFAULT_HTTP,
): Promise<string | undefined> {
  try {
    return await withRetries(url, options, () =>
      getOnce(url, options, (body) =>
        collect(body, options.idleTimeoutMs).then((buffer) => buffer.toString('utf8')),
      ),
    )
  } catch (error) {
    if (error instanceof NotFoundError) return undefined
    throw error
  }
}

async function withRetries<T>(url: string, options: HttpOptions, attempt: () => Promise<T>): Promise<T> {
  for (let index = 1; ; index++) {
    try {
      return await attempt()
    } catch (error) {
      const final =
        index >= options.attempts || error instanceof NotFoundError || error instanceof UnreachableError
      if (final) throw error
      const wait = options.backoffMs * 2 ** (index - 1)
      core.info(
        `GET ${url} failed (${(error as Error).message}); try ${index + 1} of ${options.attempts} in ${wait} ms`,
      )
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}

const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH'])

async function getOnce<T>(
  url: string,
  options: HttpOptions,
  read: (body: IncomingMessage) => Promise<T>,
): Promise<T> {
  const client = new HttpClient('setup-python-env', [], {
    socketTimeout: options.idleTimeoutMs,
    allowRetries: false,
  })
  try {
    let response: Awaited<ReturnType<HttpClient['get']>>
    try {
      response = await client.get(url, options.headers)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (UNREACHABLE_CODES.has(code))
        throw new UnreachableError(`${code}: ${new URL(url).host} cannot be reached`)
      throw error
    }
    const status = response.message.statusCode ?? 0
    if (status === 404 || status === 410) {
      response.message.resume()
      throw new NotFoundError(`HTTP ${status}`)
    }
    if (status < 200 || status >= 300) {
      response.message.resume()
      throw new Error(`HTTP ${status}`)
    }
    return await read(response.message)
  } finally {
    client.dispose()
  }
}

/** Reads the body, failing on a stall and on fewer bytes than Content-Length promised. */
function consume(
  body: IncomingMessage,
  idleTimeoutMs: number,
  onData: (chunk: Buffer) => void,
): Promise<void> {
  const expected = Number(body.headers['content-length'] ?? Number.NaN)
  let received = 0
  return new Promise((resolve, reject) => {
    let timer = setTimeout(stalled, idleTimeoutMs)
    function stalled() {
      body.destroy(new Error(`no data for ${idleTimeoutMs} ms`))
    }
    body.on('data', (chunk: Buffer) => {
      clearTimeout(timer)
      timer = setTimeout(stalled, idleTimeoutMs)
      received += chunk.length
      onData(chunk)
    })
    body.on('error', (error) => {
      clearTimeout(timer)
      reject(
        /aborted/i.test(error.message)
          ? new Error(`truncated body: ${error.message} after ${received} bytes`)
          : error,
      )
    })
    body.on('aborted', () => {
      clearTimeout(timer)
      reject(new Error(`truncated body: the connection closed after ${received} bytes`))
    })
    body.on('end', () => {
      clearTimeout(timer)
      if (!body.complete || (Number.isFinite(expected) && received !== expected)) {
        reject(
          new Error(`truncated body: ${received} of ${Number.isFinite(expected) ? expected : '?'} bytes`),
        )
      } else resolve()
    })
  })
}

async function collect(body: IncomingMessage, idleTimeoutMs: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  await consume(body, idleTimeoutMs, (chunk) => chunks.push(chunk))
  return Buffer.concat(chunks)
}

async function pipeTo(body: IncomingMessage, dest: string, idleTimeoutMs: number): Promise<void> {
  const fd = fs.openSync(dest, 'w')
  try {
    await consume(body, idleTimeoutMs, (chunk) => fs.writeSync(fd, chunk))
  } finally {
    fs.closeSync(fd)
  }
}
