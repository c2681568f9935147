import * as path from 'node:path'
import { type LocalRunOptions, type LocalRunResult, runLocal } from './run-local.js'

const USAGE = `usage: npm run local -- <project-dir> [--input name=value]... [--json] [--work-dir D] [--tool-cache D] [--cache-dir D] [--event NAME] [--base-ref REF] [--api-url URL]

Runs the built action (dist/) on a project folder the way the GitHub runner does, then prints the
outputs, the annotations and the job summary. --json prints one JSON object and nothing else.
--cache-dir D serves the GitHub cache protocol on 127.0.0.1 from folder D, so a second run is warm.`

interface CliOptions extends LocalRunOptions {
  json: boolean
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { projectDir: '', inputs: {}, json: false }
  const value = (i: number, flag: string): string => {
    const next = argv[i]
    if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`)
    return next
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--json') options.json = true
    else if (arg === '--input' || arg === '-i') {
      const pair = value(++i, arg)
      const index = pair.indexOf('=')
      if (index <= 0) throw new Error(`--input wants name=value, got '${pair}'`)
      ;(options.inputs as Record<string, string>)[pair.slice(0, index)] = pair.slice(index + 1)
    } else if (arg === '--work-dir') options.workDir = path.resolve(value(++i, arg))
    else if (arg === '--tool-cache') options.toolCacheDir = path.resolve(value(++i, arg))
    else if (arg === '--event') options.eventName = value(++i, arg)
    else if (arg === '--cache-dir') options.cacheDir = path.resolve(value(++i, arg))
    else if (arg === '--base-ref') options.baseRef = value(++i, arg)
    else if (arg === '--api-url') options.env = { ...options.env, GITHUB_API_URL: value(++i, arg) }
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE)
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`)
    else if (!options.projectDir) options.projectDir = arg
    else throw new Error(`one project folder only\n${USAGE}`)
  }
  if (!options.projectDir) throw new Error(USAGE)
  if (options.eventName === 'pull_request' && !options.baseRef && !options.eventPayload)
    throw new Error(`--event pull_request needs --base-ref <branch or commit>\n${USAGE}`)
  return options
}

function printHuman(result: LocalRunResult): void {
  const out = process.stdout
  out.write(
    `\n=== setup-python-env (local run) — main exit ${result.exitCode}, post exit ${result.post.exitCode}\n`,
  )
  out.write('\nOutputs:\n')
  for (const [name, value] of Object.entries(result.outputs)) {
    if (name === 'findings') continue
    out.write(`  ${name}: ${value}\n`)
  }
  out.write(`\nAnnotations (${result.annotations.length + result.post.annotations.length}):\n`)
  for (const a of [...result.annotations, ...result.post.annotations]) {
    const where = a.file ? ` ${a.file}${a.line ? `:${a.line}` : ''}` : ''
    out.write(`  ${a.level}${where}${a.title ? ` [${a.title}]` : ''}: ${a.message}\n`)
  }
  out.write(`\nJob summary:\n${result.summary}\n`)
  out.write(`Runner files, temp and home of this run: ${result.workDir}\n`)
}

async function main(): Promise<void> {
  let options: CliOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exitCode = 2
    return
  }
  const result = await runLocal({ ...options, stream: !options.json })
  if (options.json) {
    const { log, post, ...rest } = result
    process.stdout.write(
      `${JSON.stringify({ exitCode: rest.exitCode, outputs: rest.outputs, annotations: rest.annotations, summary: rest.summary, exportedEnv: rest.exportedEnv, addedPath: rest.addedPath, workDir: rest.workDir, post: { exitCode: post.exitCode, annotations: post.annotations, log: post.log }, log }, null, 2)}\n`,
    )
  } else {
    printHuman(result)
  }
  process.exitCode = result.exitCode
}

await main()
