import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { managerContext, testPython } from '../../../__fixtures__/context.js'
import { validateRestoredEnv } from '../../../src/cache/validate-env.js'
import { pipCacheHooks } from '../../../src/managers/pip-cache.js'
import type { ManagerContext } from '../../../src/managers/types.js'
import { OWNER_MARKER } from '../../../src/managers/venv.js'
import { venvLayout } from '../../../src/managers/venv-layout.js'

/** A real venv made by the machine's python3, as the action would have made and cached it. */
describe('validateRestoredEnv', () => {
  let base: { executable: string; version: string }
  let template: string

  beforeAll(() => {
    const probe = 'import platform, sys; print(sys.executable); print(platform.python_version())'
    const [executable = '', version = ''] = execFileSync('python3', ['-c', probe])
      .toString()
      .trim()
      .split('\n')
    base = { executable, version }
    template = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-validate-')), '.venv')
    execFileSync(executable, ['-m', 'venv', '--without-pip', template])
    fs.writeFileSync(path.join(template, OWNER_MARKER), 'created by setup-python-env\n')
  })

  const ctxFor = (venvRoot: string, python = base): ManagerContext =>
    managerContext({
      inputs: {},
      project: {},
      venv: venvLayout(venvRoot),
      python: testPython({ ...python, prefix: '', source: 'test', foundIn: 'path' }),
    })
  const hooks = { ...pipCacheHooks, checkEnv: async () => undefined }

  it('accepts an env that is ours, links to this interpreter and runs it', async () => {
    expect(await validateRestoredEnv(ctxFor(template), hooks)).toBeUndefined()
  })

  it('refuses an env without the owner marker', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-validate-')), '.venv')
    fs.cpSync(template, copy, { recursive: true, verbatimSymlinks: true })
    fs.rmSync(path.join(copy, OWNER_MARKER))
    expect(await validateRestoredEnv(ctxFor(copy), hooks)).toContain('marker missing')
  })

  it('refuses an env made from another Python version', async () => {
    const problem = await validateRestoredEnv(ctxFor(template, { ...base, version: '3.0.1' }), hooks)
    expect(problem).toMatch(/runs Python .*this run uses 3\.0\.1/)
  })

  it("refuses an env whose interpreter link points elsewhere, and reports the manager's check", async () => {
    const elsewhere = { ...base, executable: process.execPath }
    expect(await validateRestoredEnv(ctxFor(template, elsewhere), hooks)).toContain('resolves to')
    const broken = { ...pipCacheHooks, checkEnv: async () => 'pip check: six 1.0 requires foo' }
    expect(await validateRestoredEnv(ctxFor(template), broken)).toBe('pip check: six 1.0 requires foo')
  })
})
