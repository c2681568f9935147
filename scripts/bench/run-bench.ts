// npm run bench [-- --repeat N] — times the action (through the local runner and the loopback
// cache service) against the raw commands, per example; prints a table, writes bench-results.json.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { actionNode } from '../local-runner/node-runtime.js'
import { type LocalRunResult, runLocal } from '../local-runner/run-local.js'
import { serviceDir } from '../loopback/cache-service.js'
import { CacheStore } from '../loopback/cache-store.js'
import { hostUvTarget, startUvMirror } from '../loopback/uv-mirror.js'
import { type BenchRecipe, RECIPES } from './bench-examples.js'
import { bundleSize, mib } from './bundle-size.js'
import { median, timeCommands, timeToFirstOutput } from './measure.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const tools = path.join(root, '.tools', 'venv', 'bin')
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 3

interface Row {
  example: string
  scenario: 'cold' | 'warm-exact' | 'warm-partial'
  /** Seconds of the action's main step, its post step, and of the raw commands it is compared with. */
  main: number
  post: number
  raw: number
  rawWhat: string
  /** (main + post) / raw and main / raw. */
  ratioTotal: number
  ratioMain: number
  cacheHit: string
  /** Seconds per pipeline stage of the main step (first run), from its log. */
  stages: Record<string, number>
}

async function benchExample(recipe: BenchRecipe, uvMirror: string): Promise<Row[]> {
  const rows: Row[] = []
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `spe-bench-${recipe.example}-`))
  const projectDir = copyExample(recipe.example, path.join(scratch, 'project'))
  const cacheDir = path.join(scratch, 'cache')
  // an empty tool cache at the same path every run, as on a hosted runner: the manager's own
  // tool comes from the cache service
  const emptyToolCache = () => {
    const dir = path.join(scratch, 'toolcache')
    fs.rmSync(dir, { recursive: true, force: true })
    return dir
  }
  const act = async (expectHit: string): Promise<LocalRunResult> => {
    const result = await runLocal({
      projectDir,
      cacheDir,
      inputs: recipe.inputs?.({ uvMirror }),
      toolCacheDir: emptyToolCache(),
      timeoutMs: 20 * 60 * 1000,
    })
    if (result.exitCode !== 0 || result.post.exitCode !== 0) {
      throw new Error(
        `${recipe.example}: the action failed (exit ${result.exitCode}/${result.post.exitCode})\n${result.log}`,
      )
    }
    if (result.outputs['cache-hit'] !== expectHit) {
      throw new Error(`${recipe.example}: cache-hit is ${result.outputs['cache-hit']}, expected ${expectHit}`)
    }
    return result
  }

  log(`${recipe.example}: cold run (empty cache)`)
  const cold = await act('false')
  const python = cold.outputs['python-path'] ?? 'python3'
  const key = cold.outputs['cache-key'] ?? ''
  log(`${recipe.example}: raw install with empty download caches, ${repeat}×`)
  const rawCold = median(
    Array.from({ length: repeat }, () => {
      const rawDir = copyExample(recipe.example, fs.mkdtempSync(path.join(scratch, 'raw-')))
      const env = {
        ...process.env,
        PIP_CACHE_DIR: fs.mkdtempSync(path.join(scratch, 'pip-')),
        UV_CACHE_DIR: fs.mkdtempSync(path.join(scratch, 'uv-')),
        POETRY_CACHE_DIR: fs.mkdtempSync(path.join(scratch, 'poetry-')),
        PIP_DISABLE_PIP_VERSION_CHECK: '1',
      }
      const timed = timeCommands(recipe.rawInstall(python, tools), rawDir, env)
      if (!timed.ok) throw new Error(`${recipe.example}: raw install failed in ${rawDir}`)
      return timed.ms
    }),
  )
  rows.push(row(recipe, 'cold', [cold], rawCold, 'venv + install'))

  log(`${recipe.example}: warm runs on the exact key, ${repeat}×`)
  const warm: LocalRunResult[] = []
  for (let i = 0; i < repeat; i++) warm.push(await act('true'))
  const archive = new CacheStore(serviceDir(cacheDir)).latest(key)?.archive
  if (!archive) throw new Error(`${recipe.example}: no archive saved for ${key}`)
  log(`${recipe.example}: raw extract of the same archive + import, ${repeat}×`)
  const venvPython = path.join(projectDir, '.venv', 'bin', 'python')
  const rawWarm = median(
    Array.from({ length: repeat }, () => {
      fs.rmSync(path.join(projectDir, '.venv'), { recursive: true, force: true })
      const timed = timeCommands(
        [
          ['tar', '-xf', archive, '-P', '-C', projectDir, '--use-compress-program', 'unzstd'],
          [venvPython, '-c', recipe.imports.length ? `import ${recipe.imports.join(', ')}` : 'pass'],
        ],
        projectDir,
        process.env,
      )
      if (!timed.ok) throw new Error(`${recipe.example}: raw extract + import failed`)
      return timed.ms
    }),
  )
  rows.push(row(recipe, 'warm-exact', warm, rawWarm, 'extract + import'))

  if (recipe.bumpOnePin) {
    log(`${recipe.example}: one pin changed (partial hit)`)
    recipe.bumpOnePin(projectDir)
    const partial = await act('false')
    if (partial.outputs['cache-matched-key'] !== key)
      throw new Error(`${recipe.example}: expected a partial hit on ${key}`)
    rows.push(row(recipe, 'warm-partial', [partial], rawCold, 'venv + install'))
  }
  fs.rmSync(scratch, { recursive: true, force: true })
  return rows
}

function row(
  recipe: BenchRecipe,
  scenario: Row['scenario'],
  runs: LocalRunResult[],
  rawMs: number,
  rawWhat: string,
): Row {
  const main = median(runs.map((r) => r.durationMs)) / 1000
  const post = median(runs.map((r) => r.post.durationMs)) / 1000
  const raw = rawMs / 1000
  return {
    example: recipe.example,
    scenario,
    main,
    post,
    raw,
    rawWhat,
    ratioTotal: (main + post) / raw,
    ratioMain: main / raw,
    cacheHit: runs[0]?.outputs['cache-hit'] ?? '',
    stages: profile(runs[0]),
  }
}

/**
 * Where a run's time goes: the main step's stages, what main spent outside them (start-up, state,
 * outputs), the cache lookup inside the restore stage, and the post step (prune + save).
 */
function profile(run: LocalRunResult | undefined): Record<string, number> {
  if (!run) return {}
  const stages = stageSeconds(run.log)
  const inStages = Object.values(stages).reduce((sum, s) => sum + s, 0)
  const lookup = /Cache: lookup, download and extraction took ([\d.]+)s/.exec(run.log)?.[1]
  const validate = /Cache: validating the restored environment took ([\d.]+)s/.exec(run.log)?.[1]
  const steps = Object.fromEntries(
    [...run.log.matchAll(/^(pip check|import smoke|smoke test) took ([\d.]+)s$/gm)].map((m) => [
      `(${m[1]})`,
      Number(m[2]),
    ]),
  )
  return {
    ...stages,
    ...steps,
    ...(lookup ? { '(restore lookup+extract)': Number(lookup) } : {}),
    ...(validate ? { '(validate restored env)': Number(validate) } : {}),
    '(main outside stages)': Math.max(0, run.durationMs / 1000 - inStages),
    post: run.post.durationMs / 1000,
  }
}

/** `Stage: ok in 1.2s` lines the pipeline prints when a stage ends. */
function stageSeconds(log: string): Record<string, number> {
  const stages: Record<string, number> = {}
  for (const match of log.matchAll(/^(.+): (?:ok|failed|skipped) in ([\d.]+)s$/gm)) {
    stages[match[1] ?? ''] = Number(match[2])
  }
  return stages
}

async function startup(): Promise<{ nodeMs: number; actionMs: number }> {
  const node = actionNode().path
  const dir = copyExample('pip-project', fs.mkdtempSync(path.join(os.tmpdir(), 'spe-bench-startup-')))
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-bench-startup-temp-'))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: temp,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: temp,
  }
  // The runner creates these files before a step starts; @actions/core refuses to run without them.
  for (const name of ['GITHUB_STATE', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH']) {
    const file = path.join(temp, name.toLowerCase())
    fs.writeFileSync(file, '')
    env[name] = file
  }
  const hello = path.join(temp, 'hello.mjs')
  fs.writeFileSync(hello, "console.log('hello')\n")
  const nodeMs: number[] = []
  const actionMs: number[] = []
  for (let i = 0; i < Math.max(repeat, 5); i++) {
    nodeMs.push(await timeToFirstOutput(node, hello, dir, env))
    actionMs.push(await timeToFirstOutput(node, path.join(root, 'dist', 'index.js'), dir, env))
  }
  return { nodeMs: median(nodeMs), actionMs: median(actionMs) }
}

function copyExample(example: string, target: string): string {
  fs.cpSync(path.join(root, 'examples', example), target, {
    recursive: true,
    filter: (source) => !/[/\\](\.venv|__pycache__|\.pytest_cache|[^/\\]+\.egg-info)$/.test(source),
  })
  return target
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

function printTable(rows: Row[]): void {
  const header = ['example', 'scenario', 'main s', 'post s', 'raw s', 'raw is', '(main+post)/raw', 'main/raw']
  const lines = rows.map((r) => [
    r.example,
    r.scenario,
    r.main.toFixed(2),
    r.post.toFixed(2),
    r.raw.toFixed(2),
    r.rawWhat,
    `${r.ratioTotal.toFixed(2)}×`,
    `${r.ratioMain.toFixed(2)}×`,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
  console.log(format(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const line of lines) console.log(format(line))
  console.log('\nwhere the time goes, first run of each row (s):')
  for (const r of rows) {
    const stages = Object.entries(r.stages).map(([stage, sec]) => `${stage} ${sec.toFixed(2)}`)
    console.log(`  ${r.example} ${r.scenario}: ${stages.join(', ')}`)
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist', 'index.js')))
    throw new Error('dist/ is missing: run npm run build first')
  const available = RECIPES.filter((r) => fs.existsSync(path.join(root, 'examples', r.example)))
  const skipped = fs
    .readdirSync(path.join(root, 'examples'))
    .filter((name) => /-project$/.test(name) && !available.some((r) => r.example === name))
  // Start-up first: a failure there should not throw away minutes of runs.
  const start = await startup()
  const rows: Row[] = []
  const uvVersion = spawnSync(path.join(tools, 'uv'), ['--version']).stdout.toString().split(' ')[1] ?? ''
  const mirror = await startUvMirror({ version: uvVersion, uvBinDir: tools, target: hostUvTarget() })
  try {
    for (const recipe of available) rows.push(...(await benchExample(recipe, mirror.url)))
  } finally {
    await mirror.close()
  }
  // with the chunks each entry loads (the cache library is a chunk loaded on first use)
  const main = bundleSize(path.join(root, 'dist', 'index.js'))
  const post = bundleSize(path.join(root, 'dist', 'post.js'))
  const bundle = { indexBytes: main.totalBytes, postBytes: post.totalBytes, main, post }
  console.log(
    `\nsetup-python-env benchmark (median of ${repeat} for warm and raw runs; ${os.cpus().length} CPUs)\n`,
  )
  printTable(rows)
  console.log(
    `\nbundle: main ${mib(main.startBytes)} at start, ${mib(main.totalBytes)} in all; post ${mib(post.startBytes)} at start, ${mib(post.totalBytes)} in all`,
  )
  console.log(
    `start-up to first log line: ${start.actionMs.toFixed(0)} ms (node printing hello: ${start.nodeMs.toFixed(0)} ms)`,
  )
  if (skipped.length) console.log(`no recipe (not benchmarked): ${skipped.join(', ')}`)
  const nodeVersion = spawnSync(actionNode().path, ['--version']).stdout.toString().trim()
  const results = {
    date: new Date().toISOString(),
    repeat,
    node: nodeVersion,
    rows,
    bundle,
    startup: start,
    skipped,
  }
  fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log('\nwritten: bench-results.json')
}

await main()
