import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type GitHubApiFake, startGitHubApi } from '../../scripts/loopback/github-api.js'
import { copyExample, errors, runAction } from '../support/run-action.js'
import { expectValidSarif, type Json } from '../support/sarif.js'

const TOKEN = 'ghs_e2eSecretToken123'
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' })

/**
 * A local repository whose pull request changes the lock: base `main` pins idna 2.10 (major bump
 * to 3.10 on the branch), six 1.16.0 (upgraded) and requests (removed); the branch is pip-project.
 */
function pullRequestRepo(): string {
  const dir = copyExample('pip-project')
  const head = fs.readFileSync(path.join(dir, 'requirements.txt'), 'utf8')
  const base = `${head.replace('idna==3.10', 'idna==2.10').replace('six==1.17.0', 'six==1.16.0')}requests==2.0.0\n`
  git(dir, 'init', '-q', '-b', 'main')
  fs.writeFileSync(path.join(dir, 'requirements.txt'), base)
  git(dir, 'add', '.')
  git(dir, 'commit', '-qm', 'base')
  git(dir, 'checkout', '-qb', 'feature')
  fs.writeFileSync(path.join(dir, 'requirements.txt'), head)
  git(dir, 'commit', '-qam', 'update pins')
  return dir
}

describe('drift on a pull request, end to end through dist/', () => {
  let api: GitHubApiFake
  let repo: string
  const pr = (inputs: Record<string, string> = {}) =>
    runAction('pip-project', {
      projectDir: repo,
      eventName: 'pull_request',
      baseRef: 'main',
      inputs: { 'github-token': TOKEN, ...inputs },
      env: { GITHUB_API_URL: api.url },
    })

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN })
    repo = pullRequestRepo()
  })
  afterAll(() => api.close())

  it('annotates the changed lock lines, fills the summary, writes SARIF, comments once and updates it', async () => {
    const first = await pr()
    expect(first.exitCode).toBe(0)
    expect(errors(first)).toEqual([])
    const changed = first.annotations.filter((a) => a.title === 'dependency-changed')
    expect(changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warning', file: 'requirements.txt', line: 2 }),
        expect.objectContaining({ level: 'notice', file: 'requirements.txt', line: 4 }),
      ]),
    )
    expect(first.summary).toContain('### Dependency changes (3)')
    expect(first.summary).toMatch(/major bump \| idna \| 2\.10 \| 3\.10/)
    expect(first.summary).toContain('```mermaid')
    expect(first.outputs['warnings-count']).toBe('1')
    const findings = JSON.parse(first.outputs.findings ?? '[]') as { rule: string }[]
    expect(findings.filter((f) => f.rule === 'dependency-changed')).toHaveLength(3)

    const sarifFile = first.outputs['sarif-file'] ?? ''
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as Json
    expectValidSarif(sarif)

    expect(api.comments).toHaveLength(1)
    expect(api.comments[0]?.body).toContain('<!-- setup-python-env:. -->')
    expect(api.comments[0]?.body).toContain('idna')
    const id = api.comments[0]?.id

    const second = await pr()
    expect(second.exitCode).toBe(0)
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0]?.id).toBe(id)
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    // The token only ever appears in the ::add-mask:: command that tells the runner to hide it.
    for (const run of [first, second]) {
      const lines = `${run.log}\n${run.summary}`.split('\n').filter((line) => line.includes(TOKEN))
      expect(lines).toEqual([`::add-mask::${TOKEN}`])
    }
  })

  it('fail-on: warning fails on the major bump warning', async () => {
    const run = await pr({ 'fail-on': 'warning', comment: 'never' })
    expect(run.exitCode).toBe(1)
    expect(run.log).toContain('fail-on: warning')
  })

  it('fail-on: never exits 0 with error findings reported', async () => {
    const run = await pr({ 'fail-on': 'never', rules: 'dependency-changed=error', comment: 'never' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['errors-count']).toBe('3')
    expect(errors(run).map((a) => a.title)).toEqual([
      'dependency-changed',
      'dependency-changed',
      'dependency-changed',
    ])
  })

  it('refuses an unknown rule id in the rules input with one clear error', async () => {
    const run = await pr({ rules: 'lock-stael=off' })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.message).toContain("'lock-stael' is not a rule")
    expect(run.log).not.toMatch(/\n\s+at /)
  })
})
