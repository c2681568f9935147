import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type GitHubApiFake, startGitHubApi } from '../../scripts/loopback/github-api.js'
import { mirrorLayout, startPythonMirror } from '../../scripts/loopback/python-mirror.js'
import { discoverPythons } from '../support/python-installs.js'
import { type ActionRun, copyExample, errors, runAction } from '../support/run-action.js'
import { expectValidSarif, type Json } from '../support/sarif.js'

/** Recognizable fake tokens: neither may appear anywhere but in the runner's ::add-mask:: command. */
const GITHUB_TOKEN = 'ghs_SecurityE2EgithubToken0123456789'
const DOWNLOAD_TOKEN = 'ghp_SecurityE2EdownloadToken987654321'
const NO_STACK = /\n\s+at .+:\d+:\d+\)?\n/

/**
 * A smoke test whose failure message tries to add annotations, HTML, links and a mention (the
 * JUnit report keeps its first line; the second is in pytest's own output).
 */
const HOSTILE_TEST = `
def test_hostile():
    assert False, (
        "boom %0A::warning::encoded-injection <img src=x onerror=alert(1)> @everyone | cell |"
        " [click](https://evil.example) <!-- x -->\\n::error title=pwned::injected-annotation"
    )
`

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' })

/** Every file a run wrote for the runner (outputs, state, env, path, summary, event) plus SARIF. */
function everythingWritten(run: ActionRun, extra: string[] = []): Record<string, string> {
  const files = path.join(run.workDir, 'runner-files')
  const texts: Record<string, string> = { 'main log': run.log, 'post log': run.post.log }
  for (const name of fs.readdirSync(files)) texts[name] = fs.readFileSync(path.join(files, name), 'utf8')
  const sarif = run.outputs['sarif-file']
  if (sarif && fs.existsSync(sarif)) texts.sarif = fs.readFileSync(sarif, 'utf8')
  extra.forEach((text, index) => {
    texts[`extra ${index}`] = text
  })
  return texts
}

/** Where each token shows up, ignoring the one line that tells the runner to mask it. */
function tokenLeaks(texts: Record<string, string>): string[] {
  const leaks: string[] = []
  for (const [where, text] of Object.entries(texts)) {
    for (const line of text.split('\n')) {
      if (line === `::add-mask::${GITHUB_TOKEN}` || line === `::add-mask::${DOWNLOAD_TOKEN}`) continue
      if (line.includes(GITHUB_TOKEN) || line.includes(DOWNLOAD_TOKEN)) leaks.push(`${where}: ${line}`)
    }
  }
  return leaks
}

describe('secrets and hostile text, end to end through dist/', () => {
  let api: GitHubApiFake
  beforeAll(async () => {
    api = await startGitHubApi({ token: GITHUB_TOKEN })
  })
  afterAll(() => api.close())

  it('a pull request run with both tokens and a hostile failing test: tokens masked and never written; the text is inert', async () => {
    const repo = copyExample('pip-project')
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'base')
    git(repo, 'checkout', '-qb', 'feature')
    fs.writeFileSync(path.join(repo, 'tests', 'test_smoke.py'), HOSTILE_TEST)
    git(repo, 'commit', '-qam', 'hostile test')

    const run = await runAction('pip-project', {
      projectDir: repo,
      eventName: 'pull_request',
      baseRef: 'main',
      inputs: {
        'github-token': GITHUB_TOKEN,
        token: DOWNLOAD_TOKEN,
        comment: 'always',
        'fail-on': 'never',
      },
      env: { GITHUB_API_URL: api.url },
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['smoke-test-result']).toBe('failed')

    // both tokens are masked before anything else is printed, and never written anywhere
    expect(run.log).toContain(`::add-mask::${GITHUB_TOKEN}`)
    expect(run.log).toContain(`::add-mask::${DOWNLOAD_TOKEN}`)
    expect(api.comments).toHaveLength(1)
    const comment = api.comments[0]?.body ?? ''
    expect(tokenLeaks(everythingWritten(run, [comment]))).toEqual([])
    // the API got the token as a bearer header, the only place it belongs
    expect(api.requests.every((request) => request.authorization === `Bearer ${GITHUB_TOKEN}`)).toBe(true)

    // the failure message is one annotation's data, not commands of its own
    const titles = run.annotations.map((a) => a.title ?? '')
    expect(titles).not.toContain('pwned')
    expect(
      run.annotations.filter((a) => /^(injected-annotation|encoded-injection)$/.test(a.message)),
    ).toEqual([])
    const failure = run.annotations.find((a) => a.title === 'smoke-test-failed')
    expect(failure).toMatchObject({ level: 'error', file: 'tests/test_smoke.py' })
    expect(failure?.message).toContain('boom %0A::warning::encoded-injection <img src=x')
    const ours = run.log.split('\n').filter((line) => /^::(error|warning|notice)/.test(line))
    expect(ours.filter((line) => /pwned::|^::warning::encoded/.test(line))).toEqual([])

    // summary and comment: no live HTML, link, comment or mention
    for (const markdown of [run.summary, comment]) {
      expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;')
      for (const live of ['<img', '@everyone', '[click](', '<!-- x']) expect(markdown).not.toContain(live)
    }
    expectValidSarif(JSON.parse(fs.readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')) as Json)
  })

  it('a failing Python download with the token: one clear error, no stack, and the token nowhere', async () => {
    const py311 = discoverPythons().find((python) => python.version.startsWith('3.11.'))
    if (!py311) throw new Error('this test needs a CPython 3.11 on this machine')
    const layout = mirrorLayout([{ version: py311.version, archive: Buffer.from('never served') }])
    const archivePath = layout.archivePaths[py311.version] ?? ''
    const mirror = await startPythonMirror(layout.files)
    mirror.inject(archivePath, { kind: 'status', status: 404 })
    try {
      const run = await runAction('pip-project', {
        toolCacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'spe-sec-tc-')),
        inputs: {
          'python-mirror': mirror.url,
          token: DOWNLOAD_TOKEN,
          'github-token': GITHUB_TOKEN,
          cache: 'false',
        },
      })
      expect(run.exitCode).toBe(1)
      expect(errors(run)).toHaveLength(1)
      expect(errors(run)[0]).toMatchObject({ title: 'Python download failed' })
      expect(run.log).not.toMatch(NO_STACK)
      expect(run.log).toContain(`::add-mask::${DOWNLOAD_TOKEN}`)
      expect(tokenLeaks(everythingWritten(run))).toEqual([])
    } finally {
      await mirror.close()
    }
  })
})
