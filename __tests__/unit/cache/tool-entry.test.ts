import { describe, expect, it } from '@jest/globals'
import { cacheKeys } from '../../../src/cache/key.js'
import { toolEntryKey } from '../../../src/cache/tool-entry.js'

const python = { version: '3.11.7', executable: '/opt/hostedtoolcache/Python/3.11.7/x64/bin/python3.11' }
const dir = '/opt/hostedtoolcache/poetry/2.5.1/x64'
const runner = { platform: 'linux', arch: 'x64' }

describe('toolEntryKey', () => {
  it('names the tool, its version and the Python, and does not depend on any lock', () => {
    const key = toolEntryKey({ python, runner } as never, 'poetry', '2.5.1', dir)
    expect(key).toMatch(/^setup-python-env-tool-v\d+-\w+(-\w+)?-\w+-py3\.11\.7-poetry2\.5\.1-[0-9a-f]{32}$/)
    expect(toolEntryKey({ python, runner } as never, 'poetry', '2.5.1', dir)).toBe(key)
  })

  it('changes with the folder, the interpreter and the version (all written into the venv)', () => {
    const key = toolEntryKey({ python, runner } as never, 'poetry', '2.5.1', dir)
    expect(toolEntryKey({ python, runner } as never, 'poetry', '2.5.1', '/other/poetry/2.5.1/x64')).not.toBe(
      key,
    )
    const other = { ...python, executable: '/usr/bin/python3.11' }
    expect(toolEntryKey({ python: other, runner } as never, 'poetry', '2.5.1', dir)).not.toBe(key)
    expect(toolEntryKey({ python, runner } as never, 'poetry', '2.4.0', dir)).not.toBe(key)
  })

  it('is never matched by an environment restore key', () => {
    const key = toolEntryKey({ python, runner } as never, 'poetry', '2.5.1', dir)
    const env = cacheKeys({
      os: 'linux',
      arch: 'x64',
      pythonVersion: '3.11.7',
      manager: 'poetry',
      managerVersion: '2.5.1',
      files: [],
      extras: [],
      venvPath: '/w/.venv',
      pythonExecutable: python.executable,
    })
    for (const prefix of env.restoreKeys) expect(key.startsWith(prefix)).toBe(false)
  })
})
