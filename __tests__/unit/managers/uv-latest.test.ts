import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { reportedVersion, resolveLatestUv } = await import('../../../src/managers/uv-latest.js')
const { loadInputs } = await import('../../../src/inputs.js')

/** A loopback GitHub API answering uv's latest release (or a status), recording what it was asked. */
const asked: { url?: string; authorization?: string }[] = []
let answer: { status: number; body: string } = { status: 200, body: '{"tag_name":"0.14.2"}' }
const server = http.createServer((request, response) => {
  asked.push({ url: request.url, authorization: request.headers.authorization })
  response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body)
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
const quick = { attempts: 1, backoffMs: 1, idleTimeoutMs: 2000 }

describe('uv-version: latest', () => {
  it('is kept by the inputs for uv (resolved at install), and only for uv', () => {
    const read = (values: Record<string, string>) => loadInputs((name) => values[name] ?? '')
    expect(read({ 'uv-version': 'latest' }).uvVersion).toBe('latest')
    expect(read({ 'poetry-version': 'latest' }).poetryVersion).toBeUndefined()
  })

  it("is the latest release's tag, asked of the GitHub API with the token, and logged", async () => {
    answer = { status: 200, body: '{"tag_name":"0.14.2","name":"0.14.2"}' }
    const version = await resolveLatestUv({
      uvSource: 'github',
      apiUrl,
      token: 'tok',
      python: 'python3',
      http: quick,
    })
    expect(version).toBe('0.14.2')
    expect(asked.at(-1)).toEqual({ url: '/repos/astral-sh/uv/releases/latest', authorization: 'token tok' })
    expect(core.info).toHaveBeenCalledWith("uv-version 'latest' is uv 0.14.2")
  })

  it.each([
    ['a 404', { status: 404, body: '{}' }],
    ['an answer without a tag', { status: 200, body: '{"message":"rate limited"}' }],
    ['a tag that is not a version', { status: 200, body: '{"tag_name":"nightly; rm -rf /"}' }],
  ])('is refused clearly on %s', async (_name, reply) => {
    answer = reply
    await expect(
      resolveLatestUv({ uvSource: 'github', apiUrl, python: 'python3', http: quick }),
    ).rejects.toMatchObject({
      title: "uv-version 'latest' cannot be resolved",
      fix: expect.stringContaining("'uv-version:'"),
    })
  })

  it('is refused with a mirror, which has no notion of latest', async () => {
    const before = asked.length
    await expect(
      resolveLatestUv({
        uvSource: 'github',
        uvMirror: 'https://m.test/uv',
        apiUrl,
        python: 'python3',
        http: quick,
      }),
    ).rejects.toThrow("'uv-mirror' (https://m.test/uv) serves files by version")
    expect(asked).toHaveLength(before)
  })

  it.each([
    ['{"version":"1","install":[{"metadata":{"name":"uv","version":"0.14.2"}}]}', '0.14.2'],
    ['{"install":[]}', undefined],
    ['not json', undefined],
  ])('reads the version from pip --report %s', (report, expected) => {
    expect(reportedVersion(report)).toBe(expected)
  })
})
