import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type GitHubApiFake, startGitHubApi } from '../../scripts/loopback/github-api.js'
import {
  closedPortUrl,
  type OsvFault,
  type OsvService,
  startOsvService,
} from '../../scripts/loopback/osv-service.js'
import { hostUvTarget, startUvMirror, type UvMirror } from '../../scripts/loopback/uv-mirror.js'
import { advisory } from '../support/advisories.js'
import { copyExample, errors, repoRoot, runAction, toolsBin } from '../support/run-action.js'

/** Advisories written for these tests; each example project pins exactly one affected version. */
const ADVISORIES = [
  advisory('GHSA-t3st-pkg0-0001', 'packaging', { introduced: '24.0', fixed: '24.3' }),
  advisory('GHSA-t3st-s1x0-0002', 'six', { fixed: '1.17.0' }), // six 1.17.0 is pinned: not flagged
  advisory('GHSA-t3st-plg0-0003', 'pluggy', { introduced: '1.6.0', fixed: '1.8.1' }),
  advisory('GHSA-t3st-atr0-0004', 'attrs', { introduced: '26.0.0', fixed: '26.2.0' }),
]
const TOKEN = 'ghs_advisoriesToken123'

interface FindingJson {
  rule: string
  file?: string
  line?: number
  package?: string
  fix?: string
  advisory?: { id: string; aliases: string[] }
}

const vulnerable = (outputs: Record<string, string>) =>
  (JSON.parse(outputs.findings ?? '[]') as FindingJson[]).filter((f) => f.rule === 'vulnerable-dependency')

let uvMirror: UvMirror
let toolCache: string
beforeAll(async () => {
  uvMirror = await startUvMirror({ version: '0.13.9', uvBinDir: toolsBin, target: hostUvTarget() })
  toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
})
afterAll(() => uvMirror.close())

describe('vulnerable-dependency, end to end through dist/ and a loopback OSV service', () => {
  it('a requirements project: one finding at the pinning line, with the fixed version; another version’s advisory is not flagged', async () => {
    const run = await runAction('pip-project', { advisories: ADVISORIES, inputs: { 'smoke-test': 'none' } })
    expect(run.exitCode).toBe(0)
    const found = vulnerable(run.outputs)
    expect(found).toEqual([
      expect.objectContaining({
        file: 'requirements.txt',
        line: 3,
        package: 'packaging',
        advisory: { id: 'GHSA-t3st-pkg0-0001', aliases: ['CVE-2099-0001'], url: expect.any(String) },
      }),
    ])
    expect(found[0]?.fix).toContain('packaging to 24.3')
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        title: 'vulnerable-dependency',
        file: 'requirements.txt',
        line: 3,
      }),
    )
    expect(run.summary).toContain('### Known vulnerabilities')
    expect(run.summary).toMatch(/\| packaging \| 24\.2 \| \[GHSA-t3st-pkg0-0001\]/)
    const sarif = JSON.parse(fs.readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'))
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'vulnerable-dependency')
    expect(result.properties).toMatchObject({ advisoryId: 'GHSA-t3st-pkg0-0001', aliases: ['CVE-2099-0001'] })
    // Only package names and versions went out.
    expect(run.osvRequests.map((r) => r.path)).toEqual(['/v1/querybatch', '/v1/vulns/GHSA-t3st-pkg0-0001'])
  })

  it('a uv project: the finding is at the package in uv.lock', async () => {
    const run = await runAction('uv-project', {
      advisories: ADVISORIES,
      inputs: { 'uv-mirror': uvMirror.url, 'smoke-test': 'none' },
      toolCacheDir: toolCache,
    })
    expect(run.exitCode).toBe(0)
    expect(vulnerable(run.outputs)).toEqual([
      expect.objectContaining({
        file: 'uv.lock',
        line: 54,
        package: 'pluggy',
        fix: expect.stringContaining('uv lock --upgrade-package pluggy'),
      }),
    ])
  })

  it('a poetry project: the finding is at the package in poetry.lock', async () => {
    const run = await runAction('poetry-project', {
      advisories: ADVISORIES,
      inputs: { 'smoke-test': 'none' },
      toolCacheDir: toolCache,
      env: { POETRY_CACHE_DIR: path.join(repoRoot, '.cache', 'poetry') },
    })
    expect(run.exitCode).toBe(0)
    expect(vulnerable(run.outputs).map((f) => [f.file, f.package, f.fix?.includes('poetry update')])).toEqual(
      expect.arrayContaining([['poetry.lock', 'pluggy', true]]),
    )
    const attrs = vulnerable(run.outputs).find((f) => f.package === 'attrs')
    expect(attrs?.file).toBe('poetry.lock')
    expect(attrs?.line).toBeGreaterThan(0)
  })

  it('rules: vulnerable-dependency=error fails the step on it', async () => {
    const run = await runAction('pip-project', {
      advisories: ADVISORIES,
      inputs: { 'smoke-test': 'none', rules: 'vulnerable-dependency=error' },
    })
    expect(run.exitCode).toBe(1)
    expect(errors(run).map((a) => a.title)).toEqual(['vulnerable-dependency'])
  })

  it('audit: false sends no request', async () => {
    const run = await runAction('pip-project', {
      advisories: ADVISORIES,
      inputs: { audit: 'false', 'smoke-test': 'none' },
    })
    expect(run.exitCode).toBe(0)
    expect(run.osvRequests).toEqual([])
    expect(vulnerable(run.outputs)).toEqual([])
    expect(run.summary).toMatch(/Vulnerabilities \| off/)
  })
})

describe('the advisory service failing never fails the step', () => {
  let service: OsvService
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-osv-faults-'))
  const run = (osvUrl: string, env: Record<string, string> = {}) =>
    runAction('pip-project', { cacheDir, inputs: { 'osv-url': osvUrl, 'smoke-test': 'none' }, env })
  const faulty =
    (fault: OsvFault, more: { status?: number; delayMs?: number } = {}) =>
    async () => {
      service.setFault(fault, more)
      return service.url
    }
  const notChecked = (log: string) =>
    log.split('\n').filter((line) => line.includes('Vulnerabilities not checked'))

  beforeAll(async () => {
    service = await startOsvService({ advisories: ADVISORIES })
  })
  afterAll(() => service.close())

  it.each([
    ['down', async () => closedPortUrl(), {}],
    ['slow', faulty('slow', { delayMs: 60_000 }), { SETUP_PYTHON_ENV_OSV_TIMEOUT: '2' }],
    ['answering 500', faulty('status', { status: 500 }), {}],
    ['answering garbage', faulty('garbage'), {}],
  ] as const)('service %s: green, with one notice', async (_name, url, env) => {
    const result = await run(await url(), env)
    expect(result.exitCode).toBe(0)
    expect(notChecked(result.log)).toHaveLength(1)
    expect(result.annotations.filter((a) => a.message.includes('Vulnerabilities not checked'))).toHaveLength(
      1,
    )
    expect(result.summary).toMatch(/Vulnerabilities \| not checked/)
  })

  it('then a clean answer gives the finding again (nothing of the failure was kept)', async () => {
    service.setFault('none')
    const result = await run(service.url)
    expect(result.exitCode).toBe(0)
    expect(vulnerable(result.outputs).map((f) => f.package)).toEqual(['packaging'])
  })

  it('a second run the same day reuses the answers through the cache, without asking the service', async () => {
    const before = service.requests.length
    const result = await run(service.url)
    expect(service.requests.length).toBe(before)
    expect(vulnerable(result.outputs).map((f) => f.package)).toEqual(['packaging'])
    expect(result.log).toContain("reused from today's cache entry")
  })
})

describe('on a pull request, the dependency changes say which advisories they bring and fix', () => {
  let api: GitHubApiFake
  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN })
  })
  afterAll(() => api.close())

  it('an upgrade past an advisory "fixes" it; an upgrade into one "introduces" it', async () => {
    const dir = copyExample('pip-project')
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir })
    const head = fs.readFileSync(path.join(dir, 'requirements.txt'), 'utf8')
    git('init', '-q', '-b', 'main')
    fs.writeFileSync(
      path.join(dir, 'requirements.txt'),
      head.replace('six==1.17.0', 'six==1.16.0').replace('packaging==24.2', 'packaging==23.2'),
    )
    git('add', '.')
    git('commit', '-qm', 'base')
    git('checkout', '-qb', 'feature')
    fs.writeFileSync(path.join(dir, 'requirements.txt'), head)
    git('commit', '-qam', 'bump')
    const run = await runAction('pip-project', {
      projectDir: dir,
      advisories: ADVISORIES,
      eventName: 'pull_request',
      baseRef: 'main',
      inputs: { 'github-token': TOKEN, 'smoke-test': 'none' },
      env: { GITHUB_API_URL: api.url },
    })
    expect(run.exitCode).toBe(0)
    const body = api.comments[0]?.body ?? ''
    for (const text of [body, run.summary]) {
      expect(text).toMatch(/\| six \| 1\.16\.0 \| 1\.17\.0 \|[^\n]*fixes GHSA-t3st-s1x0-0002/)
      expect(text).toMatch(/\| packaging \| 23\.2 \| 24\.2 \|[^\n]*introduces GHSA-t3st-pkg0-0001/)
    }
  })
})
