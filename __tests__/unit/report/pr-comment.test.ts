import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import { type GitHubApiFake, startGitHubApi } from '../../../scripts/loopback/github-api.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { GitHubApi } = await import('../../../src/github-api.js')
const { commentMarker, upsertComment } = await import('../../../src/report/pr-comment.js')

describe('sticky pull request comment (loopback GitHub API)', () => {
  let fake: GitHubApiFake
  beforeEach(async () => {
    jest.clearAllMocks()
    fake = await startGitHubApi({ token: 'ghs_secret' })
  })
  afterEach(() => fake.close())

  const api = () => new GitHubApi(fake.url, 'ghs_secret', 'owner/repo')

  it('creates the comment once, then updates it, per working directory', async () => {
    const marker = commentMarker('.')
    expect(await upsertComment(api(), 7, marker, `${marker}\nfirst`, 'auto', true)).toBe('created')
    expect(await upsertComment(api(), 7, marker, `${marker}\nsecond`, 'auto', true)).toBe('updated')
    const other = commentMarker('services/api')
    expect(await upsertComment(api(), 7, other, `${other}\nother project`, 'always', false)).toBe('created')
    expect(fake.comments.map((c) => c.body)).toEqual([`${marker}\nsecond`, `${other}\nother project`])
    expect(fake.requests.every((r) => r.authorization === 'Bearer ghs_secret')).toBe(true)
  })

  it('finds its comment beyond the first page of 100', async () => {
    for (let i = 0; i < 150; i++) fake.comments.push({ id: i + 1, issue: 7, body: `someone else ${i}` })
    const marker = commentMarker('.')
    fake.comments.push({ id: 500, issue: 7, body: `${marker}\nold` })
    expect(await upsertComment(api(), 7, marker, `${marker}\nnew`, 'auto', false)).toBe('updated')
    expect(fake.comments.find((c) => c.id === 500)?.body).toBe(`${marker}\nnew`)
  })

  it('auto does not create a comment when there is nothing to say; never does nothing', async () => {
    const marker = commentMarker('.')
    expect(await upsertComment(api(), 7, marker, 'x', 'auto', false)).toBe('skipped')
    expect(await upsertComment(api(), 7, marker, 'x', 'never', true)).toBe('skipped')
    expect(fake.comments).toEqual([])
  })

  it('turns a 403 (fork pull request, read-only token) into a notice, not a failure', async () => {
    fake.failWrites = 403
    const outcome = await upsertComment(api(), 7, commentMarker('.'), 'x', 'always', true)
    expect(outcome).toBe('forbidden')
    expect(coreMock.notice).toHaveBeenCalledWith(expect.stringContaining('HTTP 403'), expect.anything())
    expect(coreMock.warning).not.toHaveBeenCalled()
  })

  it('keeps the marker an HTML comment whatever the directory name', () => {
    expect(commentMarker('a-->b <x>')).toBe('<!-- setup-python-env:a__b__x_ -->')
  })
})
