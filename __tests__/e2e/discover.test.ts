import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type GitHubApiFake, startGitHubApi } from '../../scripts/loopback/github-api.js'
import { branchWith, git, monorepoRepo, projectsOf } from '../support/monorepo.js'
import { errors, runAction } from '../support/run-action.js'

const TOKEN = 'ghs_discoverToken123'
const ALL = ['libs/core', 'services/api', 'tools/cli']

describe('mode: discover on a monorepo, end to end through dist/', () => {
  let repo: string
  const discover = (branch: string, options: { event?: string; inputs?: Record<string, string> } = {}) => {
    git(repo, 'checkout', '-q', branch)
    return runAction('monorepo', {
      projectDir: repo,
      eventName: options.event ?? 'pull_request',
      baseRef: options.event === 'push' ? undefined : 'main',
      inputs: { mode: 'discover', ...options.inputs },
    })
  }

  beforeAll(() => {
    repo = monorepoRepo()
    branchWith(repo, 'lib-change', { 'libs/core/src/monocore/__init__.py': 'VALUE = 2\n' })
    branchWith(repo, 'docs-change', { 'docs/guide.md': '# Guide\n\nRewritten.\n' })
    branchWith(repo, 'cli-change', { 'tools/cli/requirements.txt': 'iniconfig==2.1.0\n' })
    branchWith(repo, 'python-pin', { '.python-version': '3.12\n' })
    branchWith(repo, 'workflow-change', { '.github/workflows/ci.yml': 'on: push\n' })
  })

  it('on push lists every project of the monorepo, sorted, with manager, Python and lock; nothing installed', async () => {
    const run = await discover('main', { event: 'push' })
    expect(run.exitCode).toBe(0)
    expect(errors(run)).toEqual([])
    expect(projectsOf(run.outputs)).toEqual([
      {
        'working-directory': 'libs/core',
        manager: 'uv',
        'python-version': '>=3.10',
        'lock-file': 'libs/core/uv.lock',
        reason: 'all',
      },
      {
        'working-directory': 'services/api',
        manager: 'poetry',
        'python-version': '>=3.10,<4',
        'lock-file': 'services/api/poetry.lock',
        reason: 'all',
      },
      {
        'working-directory': 'tools/cli',
        manager: 'pip',
        'python-version': '',
        'lock-file': 'tools/cli/requirements.txt',
        reason: 'all',
      },
    ])
    expect(JSON.parse(run.outputs.matrix ?? '')).toEqual({ include: projectsOf(run.outputs) })
    expect(run.outputs.count).toBe('3')
    // the committed .venv, node_modules and the ignored scratch/ hold projects that are not listed
    expect(run.log).toContain('Skipped environments: .venv')
    expect(run.summary).toContain('## setup-python-env: discover')
    expect(run.summary).toMatch(/\| libs\/core \| uv \|.*\| push event without base-ref/)
    // installs nothing: no Python, no environment, nothing for post to save
    expect(run.addedPath).toEqual([])
    expect(run.exportedEnv).toEqual({})
    expect(fs.existsSync(path.join(repo, 'libs/core/.venv'))).toBe(false)
    expect(run.post.log).toContain('Discover mode installs nothing')
  })

  it('on a pull request changing the library lists it and its dependent, nothing else', async () => {
    const run = await discover('lib-change')
    expect(run.exitCode).toBe(0)
    expect(projectsOf(run.outputs).map((p) => [p['working-directory'], p.reason])).toEqual([
      ['libs/core', 'changed'],
      ['services/api', 'dependency-changed'],
    ])
    expect(run.outputs.count).toBe('2')
    expect(run.summary).toContain('libs/core/src/monocore/\\_\\_init\\_\\_.py changed')
    expect(run.summary).toContain('depends on libs/core')
    expect(run.summary).toContain('Not listed: unchanged (1)')
  })

  it('a pull request changing only docs lists nothing: count 0, so the recipe skips the setup jobs', async () => {
    const run = await discover('docs-change')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.projects).toBe('[]')
    expect(run.outputs.matrix).toBe('{"include":[]}')
    expect(run.outputs.count).toBe('0')
    expect(run.summary).toContain('No project is touched by this change')
  })

  it('a change to a project nothing depends on lists that project alone', async () => {
    const run = await discover('cli-change')
    expect(projectsOf(run.outputs).map((p) => [p['working-directory'], p.reason])).toEqual([
      ['tools/cli', 'changed'],
    ])
  })

  it('a change to a shared input (root .python-version, the workflow) lists every project', async () => {
    const pin = await discover('python-pin')
    expect(projectsOf(pin.outputs).map((p) => p.reason)).toEqual(['all', 'all', 'all'])
    expect(
      projectsOf(pin.outputs).find((p) => p['working-directory'] === 'tools/cli')?.['python-version'],
    ).toBe('3.12')
    expect(pin.summary).toContain('.python-version changed (shared by every project)')
    const workflow = await discover('workflow-change')
    expect(projectsOf(workflow.outputs).map((p) => p['working-directory'])).toEqual(ALL)
  })

  it('on push with base-ref compares with it; discover-all and discover-paths change what is listed', async () => {
    git(repo, 'checkout', '-q', 'lib-change')
    const pushed = await runAction('monorepo', {
      projectDir: repo,
      eventName: 'push',
      inputs: { mode: 'discover', 'base-ref': 'main' },
    })
    expect(projectsOf(pushed.outputs).map((p) => p['working-directory'])).toEqual([
      'libs/core',
      'services/api',
    ])
    const all = await discover('docs-change', { inputs: { 'discover-all': 'true' } })
    expect(projectsOf(all.outputs).map((p) => [p['working-directory'], p.reason])).toEqual(
      ALL.map((dir) => [dir, 'all']),
    )
    const narrowed = await discover('main', { event: 'push', inputs: { 'discover-paths': 'libs/**\ntools' } })
    expect(projectsOf(narrowed.outputs).map((p) => p['working-directory'])).toEqual([
      'libs/core',
      'tools/cli',
    ])
    const excluded = await discover('main', { event: 'push', inputs: { 'discover-paths': '!services' } })
    expect(projectsOf(excluded.outputs).map((p) => p['working-directory'])).toEqual([
      'libs/core',
      'tools/cli',
    ])
  })

  it('a shallow checkout (depth 1, as actions/checkout makes) fetches the base commit to diff', async () => {
    const base = git(repo, 'rev-parse', 'main').trim()
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-monorepo-shallow-'))
    git(os.tmpdir(), 'clone', '-q', '--depth', '1', '--branch', 'lib-change', `file://${repo}`, shallow)
    expect(() => git(shallow, 'cat-file', '-e', `${base}^{commit}`)).toThrow()
    const run = await runAction('monorepo', {
      projectDir: shallow,
      eventName: 'pull_request',
      eventPayload: { number: 1, pull_request: { number: 1, base: { ref: 'main', sha: base } } },
      inputs: { mode: 'discover' },
    })
    expect(run.exitCode).toBe(0)
    expect(projectsOf(run.outputs).map((p) => [p['working-directory'], p.reason])).toEqual([
      ['libs/core', 'changed'],
      ['services/api', 'dependency-changed'],
    ])
    expect(run.summary).toContain('(git)')
  })

  it('a broken project fails discovery with setup mode’s error at the file, no stack trace', async () => {
    branchWith(repo, 'broken', { 'tools/cli/pyproject.toml': '[project\nname = "x"\n' })
    const run = await discover('broken', { event: 'push' })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toHaveLength(1)
    expect(errors(run)[0]?.file).toBe('tools/cli/pyproject.toml')
    expect(run.log).not.toMatch(/\n\s+at /)
  })
})

describe('mode: discover without git: the GitHub API gives the changed files', () => {
  let api: GitHubApiFake
  let plain: string

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN })
    const repo = monorepoRepo()
    plain = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-monorepo-plain-'))
    fs.cpSync(repo, plain, { recursive: true, filter: (source) => path.basename(source) !== '.git' })
  })
  afterAll(() => api.close())

  const pullRequest = { number: 7, pull_request: { number: 7, base: { ref: 'main', sha: 'a'.repeat(40) } } }
  const run = () =>
    runAction('monorepo', {
      projectDir: plain,
      eventName: 'pull_request',
      eventPayload: pullRequest,
      inputs: { mode: 'discover', 'github-token': TOKEN },
      env: { GITHUB_API_URL: api.url },
    })

  it('lists the changed project and its dependent from pulls/{n}/files, still skipping .venv and node_modules', async () => {
    api.pullFiles.set(7, ['libs/core/pyproject.toml', 'README.md'])
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(projectsOf(result.outputs).map((p) => [p['working-directory'], p.reason])).toEqual([
      ['libs/core', 'changed'],
      ['services/api', 'dependency-changed'],
    ])
    // the folder was walked (no git): .venv, node_modules and the .gitignored scratch/ still left out
    expect(result.log).toContain('(listed by walk)')
    expect(api.requests.some((r) => r.path === '/repos/local/project/pulls/7/files')).toBe(true)
  })

  it('lists every project with a warning when the API fails, and the next run is exact again', async () => {
    api.failReads = 500
    const failed = await run()
    expect(failed.exitCode).toBe(0)
    expect(projectsOf(failed.outputs).map((p) => p.reason)).toEqual(['all', 'all', 'all'])
    expect(failed.annotations.filter((a) => a.level === 'warning').map((a) => a.title)).toEqual([
      'Changed files unknown',
    ])
    api.failReads = undefined
    api.pullFiles.set(7, ['docs/index.md'])
    const clean = await run()
    expect(clean.outputs.count).toBe('0')
  })
})
