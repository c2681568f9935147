import * as http from 'node:http'
import * as https from 'node:https'
import { HttpClient } from '@actions/http-client'

/** Answers larger than this are not an advisory service's: refused before they fill memory. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

/** A proxy-aware agent per URL (HTTPS_PROXY / NO_PROXY, as every toolkit request honours them). */
const agents = new HttpClient('setup-python-env')

export class ServiceError extends Error {}

/**
 * One JSON request that ends when `signal` aborts, however slowly the peer trickles bytes: the
 * socket is destroyed, so nothing keeps the step's process alive after the deadline.
 */
export function requestJson(
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  signal: AbortSignal,
): Promise<unknown> {
  const target = new URL(url)
  const transport = target.protocol === 'https:' ? https : http
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method,
        signal,
        agent: agents.getAgent(url),
        headers: {
          accept: 'application/json',
          'user-agent': 'setup-python-env',
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_BODY_BYTES) request.destroy(new ServiceError(`answer over ${MAX_BODY_BYTES} bytes`))
          else chunks.push(chunk)
        })
        response.on('error', reject)
        response.on('end', () => {
          const status = response.statusCode ?? 0
          const text = Buffer.concat(chunks).toString('utf8')
          if (status < 200 || status > 299) {
            reject(new ServiceError(`HTTP ${status} from ${target.origin}${target.pathname}`))
            return
          }
          try {
            resolve(JSON.parse(text))
          } catch {
            reject(new ServiceError(`an answer that is not JSON from ${target.origin}${target.pathname}`))
          }
        })
      },
    )
    request.on('error', reject)
    request.end(payload)
  })
}
