import { spawn, spawnSync } from 'node:child_process'

export interface Timed {
  ms: number
  ok: boolean
}

/** Runs argv lists one after the other in `cwd`; the time of all of them, stopping at a failure. */
export function timeCommands(commands: string[][], cwd: string, env: NodeJS.ProcessEnv): Timed {
  const started = performance.now()
  for (const [program, ...args] of commands) {
    if (!program) continue
    const result = spawnSync(program, args, { cwd, env, stdio: 'ignore', timeout: 20 * 60 * 1000 })
    if (result.status !== 0) return { ms: performance.now() - started, ok: false }
  }
  return { ms: performance.now() - started, ok: true }
}

/** Milliseconds from spawning `node script` to its first byte on stdout (the process is then killed). */
export function timeToFirstOutput(
  node: string,
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(node, [script], { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${script} printed nothing within ${timeoutMs} ms`))
    }, timeoutMs)
    child.stdout.once('data', () => {
      const ms = performance.now() - started
      clearTimeout(timer)
      child.kill('SIGKILL')
      resolve(ms)
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
