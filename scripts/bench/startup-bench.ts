// npm run bench:startup [-- --runs N] [--anchors DIR] [--baseline DIST_DIR] — start-up (spawn → first byte on stdout) of
// our bundles and, when their release bundles are at hand, of setup-python's and setup-uv's, under
// the Node the runner uses; interleaved so a busy machine slows every bundle alike. Prints medians.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { actionNode } from '../local-runner/node-runtime.js'
import { bundleSize, mib } from './bundle-size.js'
import { median, timeToFirstOutput } from './measure.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}

const runs = Number(option('--runs', '11')) || 11
const anchors = path.resolve(option('--anchors', path.join(root, '..', 'shared', 'anchors')))
/** Another build of ours (e.g. `git show main:dist/index.js`) to compare with, in the same run. */
const baseline = option('--baseline', '')

/** The bundles to time, by label; anchors only when their folder exists. */
function bundles(): [string, string][] {
  const list: [string, string][] = [
    ['ours main (dist/index.js)', path.join(root, 'dist', 'index.js')],
    ['ours post (dist/post.js)', path.join(root, 'dist', 'post.js')],
    ...(baseline
      ? ([
          ['baseline main', path.resolve(baseline, 'index.js')],
          ['baseline post', path.resolve(baseline, 'post.js')],
        ] as [string, string][])
      : []),
    ['setup-python main', path.join(anchors, 'setup-python', 'dist', 'setup', 'index.js')],
    ['setup-uv main', path.join(anchors, 'setup-uv', 'dist', 'setup', 'index.cjs')],
  ]
  return list.filter(([, file]) => fs.existsSync(file))
}

/** A runner-like environment: the command files exist, nothing else of the runner is set. */
function runnerEnv(temp: string, workspace: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: temp,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: path.join(temp, 'toolcache'),
  }
  for (const name of ['GITHUB_STATE', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']) {
    const file = path.join(temp, name.toLowerCase())
    fs.writeFileSync(file, '')
    env[name] = file
  }
  return env
}

async function main(): Promise<void> {
  const node = actionNode().path
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-startup-'))
  const workspace = path.join(temp, 'workspace')
  fs.cpSync(path.join(root, 'examples', 'pip-project'), workspace, { recursive: true })
  const env = runnerEnv(temp, workspace)
  const hello = path.join(temp, 'hello.mjs')
  fs.writeFileSync(hello, "console.log('hello')\n")
  const targets: [string, string][] = [['node printing hello', hello], ...bundles()]
  const samples = new Map<string, number[]>(targets.map(([label]) => [label, []]))
  for (let i = 0; i < runs; i++) {
    for (const [label, file] of targets)
      samples.get(label)?.push(await timeToFirstOutput(node, file, workspace, env))
  }
  fs.rmSync(temp, { recursive: true, force: true })
  console.log(`start-up, spawn → first output, median of ${runs} (${node}, ${os.cpus().length} CPUs)`)
  for (const [label, file] of targets) {
    const bytes = file === hello ? undefined : bundleSize(file)
    const size = bytes ? `  loads ${mib(bytes.startBytes)} at start, ${mib(bytes.totalBytes)} in all` : ''
    console.log(
      `  ${label.padEnd(28)} ${median(samples.get(label) ?? [])
        .toFixed(0)
        .padStart(5)} ms${size}`,
    )
  }
}

await main()
