import { spawn, spawnSync } from 'node:child_process'
import * as core from '@actions/core'

export interface BoundedResult {
  exitCode: number
  stdout: string
  stderr: string
  /** True when the deadline passed and the process tree was stopped. */
  timedOut: boolean
}

/** Output kept for the caller (it is streamed to the log in full). */
const KEEP_BYTES = 1024 * 1024
/** After SIGTERM, how long the tree gets to exit before SIGKILL. */
const GRACE_MS = 5_000

/**
 * Runs a program like runCommand (argv, no shell, output streamed to the log) but stops it at a
 * deadline: the program runs in a process group of its own, so a hung test and every process it
 * started (servers, subprocesses) are stopped together, SIGTERM first, SIGKILL after a grace.
 */
export function runBounded(
  program: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs: number },
): Promise<BoundedResult> {
  core.info(`[command]${program} ${args.join(' ')}`)
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    })
    const out = { stdout: '', stderr: '' }
    let timedOut = false
    const keep = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      process[stream].write(chunk)
      if (out[stream].length < KEEP_BYTES) out[stream] += chunk.toString()
    }
    child.stdout.on('data', keep('stdout'))
    child.stderr.on('data', keep('stderr'))
    let killer: NodeJS.Timeout | undefined
    const deadline = setTimeout(() => {
      timedOut = true
      stopTree(child.pid, 'SIGTERM')
      killer = setTimeout(() => stopTree(child.pid, 'SIGKILL'), GRACE_MS)
    }, options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(deadline)
      reject(error)
    })
    // 'exit', not 'close': a grandchild that outlives the program may hold the pipes open.
    child.on('exit', (code, signal) => {
      clearTimeout(deadline)
      if (timedOut) stopTree(child.pid, 'SIGKILL')
      if (killer) clearTimeout(killer)
      child.stdout.destroy()
      child.stderr.destroy()
      resolve({ exitCode: code ?? (signal ? 128 : 1), ...out, timedOut })
    })
  })
}

/** Signals the whole process group (POSIX) or tree (Windows) of a child; gone already is fine. */
function stopTree(pid: number | undefined, signal: 'SIGTERM' | 'SIGKILL'): void {
  if (pid === undefined) return
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' })
    return
  }
  try {
    process.kill(-pid, signal)
  } catch {
    // the group has exited
  }
}
