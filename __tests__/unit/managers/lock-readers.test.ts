import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { UserError } from '../../../src/errors.js'
import { parsePoetryLock } from '../../../src/project/locks/poetry-lock.js'
import { requirementsLock } from '../../../src/project/locks/requirements-lock.js'
import { parseUvLock } from '../../../src/project/locks/uv-lock.js'
import { readRequirementsFile } from '../../../src/project/read-requirements-files.js'
import { repoRoot } from '../../support/run-action.js'

const example = (relative: string) => path.join(repoRoot, 'examples', relative)
const read = (relative: string) => fs.readFileSync(example(relative), 'utf8')

function lineOf(text: string, needle: string): number {
  return text.split('\n').indexOf(needle) + 1
}

describe('parseUvLock', () => {
  const text = read('uv-project/uv.lock')
  const lock = parseUvLock(text, 'uv.lock')

  it('reads every locked package with its version and the line of its name', () => {
    expect(lock.kind).toBe('uv')
    expect(lock.packages.find((pkg) => pkg.name === 'six')).toEqual({
      name: 'six',
      version: '1.17.0',
      file: 'uv.lock',
      line: lineOf(text, 'name = "six"'),
      source: 'registry',
    })
    expect(lock.packages.find((pkg) => pkg.name === 'uvdemo')?.source).toBe('editable')
    expect(lock.requiresPython).toBe('>=3.10')
  })

  it('leaves out the virtual workspace root, keeps the editable members', () => {
    const workspace = parseUvLock(read('uv-workspace/uv.lock'), 'uv.lock')
    const names = workspace.packages.map((pkg) => pkg.name)
    expect(names).not.toContain('uv-workspace-root')
    expect(names).toEqual(expect.arrayContaining(['wsapp', 'wscore', 'idna', 'six']))
  })

  it('turns invalid TOML into a user error naming the file and the regenerate command', () => {
    expect(() => parseUvLock('[[package]]\nname = ', 'uv.lock')).toThrow(UserError)
    expect(() => parseUvLock('[[package]]\nname = ', 'uv.lock')).toThrow(/uv\.lock:2/)
  })

  it('finds name, version and line of any generated lock (property)', () => {
    const pkg = fc.record({
      name: fc.stringMatching(/^[a-z](-?[a-z0-9]){0,12}$/),
      version: fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){0,3}$/),
      deps: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.uniqueArray(pkg, { selector: (p) => p.name, maxLength: 8 }), (packages) => {
        const lines = ['version = 1', 'revision = 3', 'requires-python = ">=3.10"', '']
        const expected: { name: string; line: number }[] = []
        for (const p of packages) {
          lines.push('[[package]]')
          expected.push({ name: p.name, line: lines.length + 1 })
          lines.push(
            `name = "${p.name}"`,
            `version = "${p.version}"`,
            'source = { registry = "https://pypi.org/simple" }',
          )
          if (p.deps)
            lines.push('', '[package.optional-dependencies]', 'x = [', '    { name = "other" },', ']')
          lines.push('')
        }
        const parsed = parseUvLock(lines.join('\n'), 'uv.lock')
        expect(parsed.packages.map((p) => ({ name: p.name, line: p.line }))).toEqual(expected)
        expect(parsed.packages.map((p) => p.version)).toEqual(packages.map((p) => p.version))
      }),
    )
  })
})

describe('parsePoetryLock', () => {
  const text = read('poetry-project/poetry.lock')
  const lock = parsePoetryLock(text, 'poetry.lock')

  it('reads the poetry that wrote the lock from the @generated header', () => {
    expect(lock.generatedBy).toEqual({ tool: 'poetry', version: '2.5.1', line: 1 })
    expect(lock.lockVersion).toBe('2.1')
    expect(lock.contentHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads packages with groups, markers and lines', () => {
    expect(lock.packages.find((pkg) => pkg.name === 'pytest')).toMatchObject({
      version: '9.2.0',
      groups: ['dev'],
      line: lineOf(text, 'name = "pytest"'),
    })
    expect(lock.packages.find((pkg) => pkg.name === 'colorama')?.markers).toBe('sys_platform == "win32"')
    expect(lock.extras).toEqual({ idn: ['idna'] })
  })

  it('reads per-group markers written as a table', () => {
    const tableLock = parsePoetryLock(
      '[[package]]\nname = "A_B"\nversion = "1.0"\ngroups = ["main", "dev"]\nmarkers = {main = "python_version < \\"3.12\\"", dev = "sys_platform == \\"linux\\""}\n',
      'poetry.lock',
    )
    expect(tableLock.packages[0]).toMatchObject({
      name: 'a-b',
      markers: { main: 'python_version < "3.12"', dev: 'sys_platform == "linux"' },
    })
    expect(tableLock.generatedBy).toBeUndefined()
  })
})

describe('requirementsLock', () => {
  it('locks the exact pins of the files and their includes, at their lines', () => {
    const file = readRequirementsFile(example('setuppy-project/requirements.txt'), example('setuppy-project'))
    const lock = requirementsLock([file])
    expect(lock?.kind).toBe('requirements')
    expect(lock?.file).toBe('requirements.txt')
    expect(lock?.packages).toContainEqual({
      name: 'six',
      version: '1.17.0',
      file: 'requirements.txt',
      line: 3,
    })
    expect(lock?.packages).toHaveLength(5)
  })

  it('is undefined without requirements files', () => {
    expect(requirementsLock([])).toBeUndefined()
  })
})
