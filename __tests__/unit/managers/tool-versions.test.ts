import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { inputReader } from '../../../__fixtures__/context.js'
import { UserError } from '../../../src/errors.js'
import { loadInputs } from '../../../src/inputs.js'
import { DEFAULT_POETRY_VERSION, resolvePoetryVersion } from '../../../src/managers/poetry-version.js'
import { uvArchiveUrl, uvTarget } from '../../../src/managers/uv-target.js'
import {
  DEFAULT_UV_VERSION,
  resolveUvVersion,
  versionForRequirement,
} from '../../../src/managers/uv-version.js'

function fixOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof UserError ? error.fix : undefined
  }
  return undefined
}

describe('versionForRequirement (uv required-version)', () => {
  it.each([
    ['0.12.3', '0.12.3'],
    ['==0.12.3', '0.12.3'],
    ['>=0.13', DEFAULT_UV_VERSION],
    ['>=0.10,<0.14', DEFAULT_UV_VERSION],
    ['~=0.13.0', DEFAULT_UV_VERSION],
  ])('%s → %s', (required, version) => {
    expect(versionForRequirement(required, 'pyproject.toml').version).toBe(version)
  })

  it('asks for uv-version when the range excludes the default', () => {
    expect(() => versionForRequirement('>=9', 'uv.toml')).toThrow(UserError)
    expect(() => versionForRequirement('>=9', 'uv.toml')).toThrow(/does not include the default uv/)
    expect(fixOf(() => versionForRequirement('>=9', 'uv.toml'))).toContain("'uv-version:'")
  })
})

describe('resolveUvVersion', () => {
  const dir = (files: Record<string, string>) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-uvver-'))
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text)
    return root
  }

  it('prefers the input, then uv.toml, then [tool.uv], then the default', () => {
    const both = dir({
      'uv.toml': 'required-version = "0.11.0"\n',
      'pyproject.toml': '[tool.uv]\nrequired-version = "0.12.0"\n',
    })
    expect(resolveUvVersion('0.10.1', both, both).version).toBe('0.10.1')
    expect(resolveUvVersion(undefined, both, both)).toEqual({
      version: '0.11.0',
      source: 'required-version in uv.toml',
    })
    const pyprojectOnly = dir({ 'pyproject.toml': '[tool.uv]\nrequired-version = "==0.12.0"\n' })
    expect(resolveUvVersion(undefined, pyprojectOnly, pyprojectOnly).version).toBe('0.12.0')
    const none = dir({ 'pyproject.toml': '[project]\nname = "x"\n' })
    expect(resolveUvVersion(undefined, none, none).version).toBe(DEFAULT_UV_VERSION)
  })
})

describe('resolvePoetryVersion', () => {
  const lock = {
    kind: 'poetry' as const,
    file: 'poetry.lock',
    packages: [],
    generatedBy: { tool: 'poetry', version: '1.8.3', line: 1 },
  }
  it.each([
    ['2.0.0', lock, '2.0.0'],
    [undefined, lock, '1.8.3'],
    [undefined, { ...lock, generatedBy: undefined }, DEFAULT_POETRY_VERSION],
    [undefined, undefined, DEFAULT_POETRY_VERSION],
  ])('input %s → %s', (input, lockFile, expected) => {
    expect(resolvePoetryVersion(input, lockFile).version).toBe(expected)
  })
})

describe('uv release archives', () => {
  it.each([
    ['linux', 'x64', 'x86_64-unknown-linux-gnu', 'tar.gz'],
    ['linux', 'arm64', 'aarch64-unknown-linux-gnu', 'tar.gz'],
    ['darwin', 'arm64', 'aarch64-apple-darwin', 'tar.gz'],
    ['win32', 'x64', 'x86_64-pc-windows-msvc', 'zip'],
  ] as const)('%s/%s → uv-%s.%s', (platform, arch, target, extension) => {
    expect(uvTarget(platform, arch)).toEqual({ target, extension })
  })

  it('has no archive for other platforms and says to use PyPI', () => {
    expect(() => uvTarget('aix', 'ppc64')).toThrow('no release archive for aix/ppc64')
    expect(fixOf(() => uvTarget('aix', 'ppc64'))).toContain('uv-source: pypi')
  })

  it('builds the URL under the mirror base', () => {
    expect(uvArchiveUrl('http://127.0.0.1:1234/', '0.13.9', 'x86_64-unknown-linux-gnu', 'tar.gz')).toBe(
      'http://127.0.0.1:1234/0.13.9/uv-x86_64-unknown-linux-gnu.tar.gz',
    )
  })
})

describe('manager inputs', () => {
  const inputs = (values: Record<string, string>) => loadInputs(inputReader(values))

  it('reads the manager inputs with their defaults', () => {
    expect(inputs({})).toMatchObject({
      manager: 'auto',
      uvSource: 'github',
      uvVersion: undefined,
      groups: [],
      extras: [],
      allExtras: false,
    })
    expect(
      inputs({
        manager: 'uv',
        'uv-version': 'v0.13.9',
        groups: 'dev, docs',
        extras: 'a b',
        'all-extras': 'true',
        'uv-mirror': 'http://m/',
      }),
    ).toMatchObject({
      manager: 'uv',
      uvVersion: '0.13.9',
      groups: ['dev', 'docs'],
      extras: ['a', 'b'],
      allExtras: true,
      uvMirror: 'http://m',
    })
  })

  it.each([
    [{ manager: 'pipenv' }, "Input 'manager' is 'pipenv'"],
    [
      { 'uv-version': '0.13.9; rm -rf /' },
      "Input 'uv-version' is '0.13.9; rm -rf /', which is not a version",
    ],
    [{ 'poetry-version': '../2' }, "Input 'poetry-version'"],
    [{ 'uv-source': 'conda' }, "Input 'uv-source' is 'conda'"],
    [{ 'all-extras': 'yes' }, "Input 'all-extras' is 'yes'"],
  ])('refuses %j', (values, message) => {
    expect(() => inputs(values)).toThrow(message)
  })
})
