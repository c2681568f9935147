import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { lockedRequirements } from '../../../src/managers/poetry-locked-install.js'
import { uvCheckAsPipCheck } from '../../../src/managers/uv-check.js'
import { parsePoetryLock } from '../../../src/project/locks/poetry-lock.js'
import { readToml } from '../../../src/project/read-project.js'
import { parsePipCheck } from '../../../src/verify/pip-check.js'

describe('uvCheckAsPipCheck', () => {
  const installed = [
    { name: 'conflictpkg', version: '0.1.0' },
    { name: 'six', version: '1.17.0' },
  ]

  it('rewrites uv pip check lines so parsePipCheck reads them as pip check problems', () => {
    const output = [
      'Checked 2 packages in 1ms',
      'Found 2 incompatibilities',
      'The package `conflictpkg` requires `six<1.16`, but `1.17.0` is installed',
      "The package `conflictpkg` requires `idna>=3`, but it's not installed",
    ].join('\n')
    expect(parsePipCheck(uvCheckAsPipCheck(output, installed))).toEqual([
      {
        package: 'conflictpkg',
        version: '0.1.0',
        kind: 'conflict',
        dependency: 'six',
        requirement: 'six<1.16',
        installed: '1.17.0',
      },
      { package: 'conflictpkg', version: '0.1.0', kind: 'missing', dependency: 'idna', requirement: 'idna' },
    ])
  })

  it('is empty for a clean check', () => {
    expect(
      uvCheckAsPipCheck('Checked 9 packages in 1ms\nAll installed packages are compatible', installed),
    ).toBe('')
  })
})

describe('lockedRequirements (stale poetry.lock fallback)', () => {
  const dir = path.join(process.cwd(), 'examples', 'poetry-project')
  const lock = parsePoetryLock(fs.readFileSync(path.join(dir, 'poetry.lock'), 'utf8'), 'poetry.lock')
  const pyproject = readToml(path.join(dir, 'pyproject.toml'), 'pyproject.toml')

  it('pins main and non-optional groups with their markers, leaving out unasked extras', () => {
    const lines = lockedRequirements(lock, pyproject, { groups: [], extras: [], allExtras: false })
    expect(lines).toContain('attrs==26.1.0')
    expect(lines).toContain('pytest==9.2.0')
    expect(lines).toContain('colorama==0.4.6 ; (sys_platform == "win32")')
    expect(lines.some((line) => line.startsWith('idna=='))).toBe(false)
  })

  it('includes an extra when asked for', () => {
    expect(lockedRequirements(lock, pyproject, { groups: [], extras: ['idn'], allExtras: false })).toContain(
      'idna==3.20',
    )
    expect(lockedRequirements(lock, pyproject, { groups: [], extras: [], allExtras: true })).toContain(
      'idna==3.20',
    )
  })

  it('skips optional groups unless asked for', () => {
    const optional = { tool: { poetry: { group: { dev: { optional: true } } } } }
    const without = lockedRequirements(lock, optional, { groups: [], extras: [], allExtras: false })
    expect(without.some((line) => line.startsWith('pytest=='))).toBe(false)
    const withDev = lockedRequirements(lock, optional, { groups: ['dev'], extras: [], allExtras: false })
    expect(withDev).toContain('pytest==9.2.0')
  })
})
