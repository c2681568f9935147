import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { runBounded } = await import('../../src/exec-bounded.js')

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const env = { PATH: process.env.PATH ?? '' }

describe('runBounded', () => {
  it('returns the exit code and output of a program that finishes in time', async () => {
    const result = await runBounded('sh', ['-c', 'echo out; echo err >&2; exit 3'], {
      env,
      timeoutMs: 30_000,
    })
    expect(result).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false })
  })

  it('stops a hung program and every process it started at the deadline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-bounded-'))
    temps.push(dir)
    const pidFile = path.join(dir, 'grandchild.pid')
    // the program starts a grandchild that ignores SIGTERM, then hangs itself
    const script = `trap '' TERM; (trap '' TERM; sleep 600) & echo $! > ${pidFile}; sleep 600`
    const result = await runBounded('sh', ['-c', script], { env, timeoutMs: 500 })
    expect(result.timedOut).toBe(true)
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'))
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 100))
    expect(alive(grandchild)).toBe(false)
  }, 30_000)

  it('rejects when the program cannot be started', async () => {
    await expect(runBounded('spe-no-such-program', [], { env, timeoutMs: 1_000 })).rejects.toThrow(/ENOENT/)
  })
})
