import { afterEach, describe, expect, it } from '@jest/globals'
import { processEnv, REAL_WORKSPACE, runCommand } from '../../src/exec.js'

describe('child processes see the real workspace after a late cache restore moved it', () => {
  const saved = { workspace: process.env.GITHUB_WORKSPACE, real: process.env[REAL_WORKSPACE] }
  afterEach(() => {
    for (const [name, value] of [
      ['GITHUB_WORKSPACE', saved.workspace],
      [REAL_WORKSPACE, saved.real],
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('processEnv gives children the real GITHUB_WORKSPACE and hides the bookkeeping variable', () => {
    process.env.GITHUB_WORKSPACE = '/tmp/quarantine/q/q'
    process.env[REAL_WORKSPACE] = '/home/runner/work/repo/repo'
    const env = processEnv({ EXTRA: '1' })
    expect(env.GITHUB_WORKSPACE).toBe('/home/runner/work/repo/repo')
    expect(env[REAL_WORKSPACE]).toBeUndefined()
    expect(env.EXTRA).toBe('1')
  })

  it('runCommand without an env uses it too', async () => {
    process.env.GITHUB_WORKSPACE = '/tmp/quarantine/q/q'
    process.env[REAL_WORKSPACE] = '/home/runner/work/repo/repo'
    const result = await runCommand('sh', ['-c', 'printf %s "$GITHUB_WORKSPACE"'], { silent: true })
    expect(result.stdout).toBe('/home/runner/work/repo/repo')
  })

  it('changes nothing when no restore was abandoned', () => {
    process.env.GITHUB_WORKSPACE = '/home/runner/work/repo/repo'
    delete process.env[REAL_WORKSPACE]
    expect(processEnv().GITHUB_WORKSPACE).toBe('/home/runner/work/repo/repo')
  })
})
