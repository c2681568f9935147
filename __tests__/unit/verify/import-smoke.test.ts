import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { runImportSmoke } = await import('../../../src/verify/import-smoke.js')

/** Installs a distribution by hand: its modules plus a dist-info with RECORD (what packages_distributions reads). */
function install(site: string, dist: string, modules: Record<string, string>): void {
  const info = path.join(site, `${dist}-1.0.dist-info`)
  fs.mkdirSync(info)
  fs.writeFileSync(path.join(info, 'METADATA'), `Metadata-Version: 2.1\nName: ${dist}\nVersion: 1.0\n`)
  const record: string[] = []
  for (const [file, code] of Object.entries(modules)) {
    fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true })
    fs.writeFileSync(path.join(site, file), code)
    record.push(`${file},,`)
  }
  fs.writeFileSync(path.join(info, 'RECORD'), `${record.join('\n')}\n`)
}

describe('import smoke (real Python, one process)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-import-'))
  const venv = path.join(tmp, 'venv')
  const python = path.join(venv, 'bin', 'python')

  beforeAll(() => {
    execFileSync('python3', ['-m', 'venv', '--without-pip', venv])
    const site = execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], {
      encoding: 'utf8',
    }).trim()
    install(site, 'good_dist', { 'goodmod/__init__.py': 'print("noise on stdout")\nVALUE = 1\n' })
    install(site, 'broken-dist', {
      'brokenmod/__init__.py': 'raise ImportError("libbroken.so.1: cannot open shared object file")\n',
      'okmod.py': 'X = 1\n',
    })
    install(site, 'exiting', { 'exitmod.py': 'import sys\nsys.exit(3)\n' })
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  it('maps distributions to their top-level modules, imports each, and reports the failures', async () => {
    const result = await runImportSmoke(python, ['good-dist', 'broken-dist', 'exiting', 'not-installed'], {
      PATH: process.env.PATH ?? '',
    })
    expect(result.checked).toBe(4)
    expect(result.failures).toEqual([
      {
        distribution: 'broken-dist',
        module: 'brokenmod',
        error: 'ImportError: libbroken.so.1: cannot open shared object file',
      },
      { distribution: 'exiting', module: 'exitmod', error: 'SystemExit: 3' },
    ])
  })

  it('checks nothing for no distributions, and survives a missing interpreter', async () => {
    expect(await runImportSmoke(python, [], {})).toEqual({ checked: 0, failures: [] })
    expect(await runImportSmoke(path.join(tmp, 'nope'), ['x'], {})).toEqual({ checked: 0, failures: [] })
    expect(coreMock.warning).toHaveBeenCalledWith(expect.stringContaining('did not finish'))
  })
})
