import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import { type GitHubApiFake, startGitHubApi } from '../../../scripts/loopback/github-api.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { openBaseRevision } = await import('../../../src/drift/base-revision.js')

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim()

describe('base revision', () => {
  let repo: string
  let baseSha: string
  let fake: GitHubApiFake
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-base-'))

  beforeAll(async () => {
    repo = path.join(tmp, 'repo')
    fs.mkdirSync(repo)
    git(repo, 'init', '-q', '-b', 'main')
    fs.writeFileSync(path.join(repo, 'requirements-lock.txt'), 'six==1.16.0\n')
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'base')
    baseSha = git(repo, 'rev-parse', 'HEAD')
    fs.writeFileSync(path.join(repo, 'requirements-lock.txt'), 'six==1.17.0\n')
    git(repo, 'commit', '-qam', 'head')
    fake = await startGitHubApi({ token: 't0k' })
  })
  afterAll(async () => {
    await fake.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  const event = (sha: string) => ({
    name: 'pull_request',
    payload: { pull_request: { number: 3, base: { sha } } },
  })

  it('reads the pull request base from git, and reports files absent there as undefined', async () => {
    const reader = await openBaseRevision({
      workspace: repo,
      event: event(baseSha),
    })
    expect(reader?.ref).toBe(baseSha)
    expect(await reader?.read('requirements-lock.txt')).toBe('six==1.16.0\n')
    expect(await reader?.read('missing.txt')).toBeUndefined()
  })

  it('fetches the one base commit when the checkout is shallow', async () => {
    const shallow = path.join(tmp, 'shallow')
    git(tmp, 'clone', '-q', '--depth=1', `file://${repo}`, shallow)
    expect(() => git(shallow, 'cat-file', '-e', `${baseSha}^{commit}`)).toThrow()
    const reader = await openBaseRevision({
      workspace: shallow,
      event: event(baseSha),
    })
    expect(await reader?.read('requirements-lock.txt')).toBe('six==1.16.0\n')
  })

  it('uses the base-ref input on other events', async () => {
    const reader = await openBaseRevision({
      workspace: repo,
      event: { name: 'push', payload: {} },
      baseRef: 'HEAD~1',
    })
    expect(await reader?.read('requirements-lock.txt')).toBe('six==1.16.0\n')
  })

  it('falls back to the GitHub contents API with the token when git cannot help', async () => {
    const notGit = fs.mkdtempSync(path.join(tmp, 'plain-'))
    fake.contents.set('abc123:requirements-lock.txt', 'six==1.15.0\n')
    const reader = await openBaseRevision({
      workspace: notGit,
      event: event('abc123'),
      token: 't0k',
      apiUrl: fake.url,
      repository: 'owner/repo',
    })
    expect(await reader?.read('requirements-lock.txt')).toBe('six==1.15.0\n')
    expect(await reader?.read('nope.txt')).toBeUndefined()
    expect(fake.requests.at(-1)?.path).toBe('/repos/owner/repo/contents/nope.txt')
  })

  it('has no base without a pull request or base-ref', async () => {
    expect(await openBaseRevision({ workspace: repo, event: { name: 'push', payload: {} } })).toBeUndefined()
  })
})
