import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../__fixtures__/core.js'

// Only Linux runs here; these tables pin down what the action does on macOS and Windows runners
// (Scripts\ vs bin/, python.exe, ';' vs ':', the architecture and OS names).
jest.unstable_mockModule('@actions/core', () => coreMock)
const { venvEnv, venvLayout } = await import('../../src/managers/venv-layout.js')
const { condaActivation, condaExecutable, condaPython } = await import('../../src/managers/conda-commands.js')
const { listToolCachePythons, pythonExecutableIn } = await import('../../src/python/tool-cache-pythons.js')
const { toolCacheArch } = await import('../../src/runner.js')
const { exportPython } = await import('../../src/python/export-python.js')
const { pickFromManifest } = await import('../../src/python/manifest.js')
const { parsePythonSpec } = await import('../../src/model/python-spec.js')
const { osKeyPart, cacheKeys } = await import('../../src/cache/key.js')
const { uvTarget, uvArchiveUrl } = await import('../../src/managers/uv-target.js')

type Platform = 'linux' | 'darwin' | 'win32'

describe('virtual environment layout', () => {
  it.each<[Platform, string, string, string, string]>([
    ['linux', '/w/.venv', '/w/.venv/bin', '/w/.venv/bin/python', '/w/.venv/bin:/usr/bin'],
    [
      'darwin',
      '/Users/r/w/.venv',
      '/Users/r/w/.venv/bin',
      '/Users/r/w/.venv/bin/python',
      '/Users/r/w/.venv/bin:/usr/bin',
    ],
    [
      'win32',
      'D:\\a\\w\\.venv',
      'D:\\a\\w\\.venv\\Scripts',
      'D:\\a\\w\\.venv\\Scripts\\python.exe',
      'D:\\a\\w\\.venv\\Scripts;/usr/bin',
    ],
  ])('%s: %s has its programs in %s', (platform, root, binDir, python, pathValue) => {
    const layout = venvLayout(root, platform)
    expect(layout).toEqual({ root, binDir, python })
    expect(venvEnv(layout, '/usr/bin', platform)).toMatchObject({ VIRTUAL_ENV: root, PATH: pathValue })
  })
})

describe('conda environment layout', () => {
  it.each<[Platform, string, string, string, string]>([
    ['linux', '/usr/share/miniconda', '/usr/share/miniconda/bin/conda', '/w/env/bin/python', '/w/env/bin:B'],
    ['darwin', '/Users/r/miniconda3', '/Users/r/miniconda3/bin/conda', '/w/env/bin/python', '/w/env/bin:B'],
    [
      'win32',
      'C:\\Miniconda',
      'C:\\Miniconda\\condabin\\conda.bat',
      'D:\\w\\env\\python.exe',
      'D:\\w\\env\\Scripts;B',
    ],
  ])('%s: $CONDA=%s runs %s', (platform, condaHome, conda, python, pathValue) => {
    const prefix = platform === 'win32' ? 'D:\\w\\env' : '/w/env'
    expect(condaExecutable(undefined, condaHome, platform)).toBe(conda)
    expect(condaPython(prefix, platform)).toBe(python)
    expect(condaActivation(prefix, 'B', platform)).toMatchObject({ CONDA_PREFIX: prefix, PATH: pathValue })
  })
})

describe('runner tool cache', () => {
  it.each<[Platform, string, string]>([
    ['linux', '/opt/hostedtoolcache/Python/3.12.8/x64', '/opt/hostedtoolcache/Python/3.12.8/x64/bin/python3'],
    [
      'darwin',
      '/Users/runner/hostedtoolcache/Python/3.12.8/arm64',
      '/Users/runner/hostedtoolcache/Python/3.12.8/arm64/bin/python3',
    ],
    [
      'win32',
      'C:\\hostedtoolcache\\windows\\Python\\3.12.8\\x64',
      'C:\\hostedtoolcache\\windows\\Python\\3.12.8\\x64\\python.exe',
    ],
  ])('%s: the interpreter of %s is %s', (platform, prefix, executable) => {
    expect(pythonExecutableIn(prefix, platform)).toBe(executable)
  })

  it.each<[string | undefined, string, string]>([
    ['X64', 'x64', 'x64'],
    ['ARM64', 'arm64', 'arm64'],
    ['X86', 'ia32', 'x86'],
    [undefined, 'x64', 'x64'],
    [undefined, 'arm64', 'arm64'],
    [undefined, 'ia32', 'x86'],
  ])('RUNNER_ARCH=%s on Node arch %s is the folder %s', (runnerArch, nodeArch, expected) => {
    expect(toolCacheArch(runnerArch, nodeArch)).toBe(expected)
  })

  it.each<['linux' | 'darwin', string]>([
    ['linux', 'x64'],
    ['darwin', 'arm64'],
  ])('%s: lists only complete <version>/%s folders, newest first', (platform, arch) => {
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-platform-'))
    const add = (version: string, folderArch: string, complete: boolean) => {
      const bin = path.join(toolCache, 'Python', version, folderArch, 'bin')
      fs.mkdirSync(bin, { recursive: true })
      fs.writeFileSync(path.join(bin, 'python3'), '')
      if (complete) fs.writeFileSync(path.join(toolCache, 'Python', version, `${folderArch}.complete`), '')
    }
    add('3.11.7', arch, true)
    add('3.12.8', arch, true)
    add('3.13.1', arch, false)
    add('3.10.13', arch === 'x64' ? 'arm64' : 'x64', true)
    add('3.13.1', `${arch}-freethreaded`, true)
    const found = listToolCachePythons(toolCache, arch, platform)
    expect(found.map((python) => python.version)).toEqual(['3.12.8', '3.11.7'])
    expect(found[0]?.executable).toBe(path.join(toolCache, 'Python', '3.12.8', arch, 'bin', 'python3'))
    expect(listToolCachePythons(toolCache, `${arch}-freethreaded`, platform).map((p) => p.version)).toEqual([
      '3.13.1',
    ])
    fs.rmSync(toolCache, { recursive: true, force: true })
  })
})

describe('python-versions manifest: the file for the runner', () => {
  const file = (platform: string, arch: string, platform_version?: string) => ({
    filename: `python-3.12.8-${platform}-${platform_version ?? ''}-${arch}`,
    platform,
    arch,
    ...(platform_version ? { platform_version } : {}),
    download_url: `https://example.test/${platform}-${platform_version ?? ''}-${arch}`,
  })
  const releases = [
    {
      version: '3.12.8',
      stable: true,
      files: [
        file('linux', 'x64', '22.04'),
        file('linux', 'x64', '24.04'),
        file('linux', 'arm64', '24.04'),
        file('darwin', 'x64'),
        file('darwin', 'arm64'),
        file('darwin', 'arm64-freethreaded'),
        file('win32', 'x64'),
        file('win32', 'x86'),
        file('win32', 'arm64'),
        file('win32', 'x64-freethreaded'),
      ],
    },
  ]
  it.each<[string, string, string | undefined, string | undefined]>([
    ['linux', 'x64', '24.04', 'python-3.12.8-linux-24.04-x64'],
    ['linux', 'x64', '22.04', 'python-3.12.8-linux-22.04-x64'],
    ['linux', 'x64', '20.04', undefined],
    ['linux', 'arm64', '24.04', 'python-3.12.8-linux-24.04-arm64'],
    ['darwin', 'x64', undefined, 'python-3.12.8-darwin--x64'],
    ['darwin', 'arm64', undefined, 'python-3.12.8-darwin--arm64'],
    ['darwin', 'arm64-freethreaded', undefined, 'python-3.12.8-darwin--arm64-freethreaded'],
    ['win32', 'x64', undefined, 'python-3.12.8-win32--x64'],
    ['win32', 'x86', undefined, 'python-3.12.8-win32--x86'],
    ['win32', 'arm64', undefined, 'python-3.12.8-win32--arm64'],
    ['win32', 'x64-freethreaded', undefined, 'python-3.12.8-win32--x64-freethreaded'],
  ])('%s %s (OS version %s) downloads %s', (platform, arch, osVersion, filename) => {
    const spec = parsePythonSpec('3.12')
    if (!spec) throw new Error('3.12 is a valid spec')
    const match = pickFromManifest(releases, spec, { platform, arch, osVersion }, false)
    expect(match?.file.filename).toBe(filename)
  })
})

describe('exported Python for later steps', () => {
  beforeEach(() => {
    jest.clearAllMocks()
  })
  const python = (prefix: string, executable: string) => ({
    version: '3.12.8',
    prefix,
    executable,
    source: 'input',
    foundIn: 'tool-cache' as const,
    cacheHit: true,
  })

  it.each<[Platform, string, string[], string]>([
    [
      'linux',
      '/opt/tc/Python/3.12.8/x64',
      ['/opt/tc/Python/3.12.8/x64/bin'],
      '/opt/tc/Python/3.12.8/x64/lib/pkgconfig',
    ],
    [
      'darwin',
      '/Users/r/tc/Python/3.12.8/arm64',
      ['/Users/r/tc/Python/3.12.8/arm64/bin'],
      '/Users/r/tc/Python/3.12.8/arm64/lib/pkgconfig',
    ],
    [
      'win32',
      'C:\\tc\\Python\\3.12.8\\x64',
      ['C:\\tc\\Python\\3.12.8\\x64\\Scripts', 'C:\\tc\\Python\\3.12.8\\x64'],
      'C:\\tc\\Python\\3.12.8\\x64\\lib\\pkgconfig',
    ],
  ])('%s: PATH gets %j', (platform, prefix, paths, pkgConfig) => {
    exportPython(python(prefix, pythonExecutableIn(prefix, platform)), platform)
    expect(coreMock.addPath.mock.calls.map(([dir]) => dir)).toEqual(paths)
    expect(coreMock.exportVariable).toHaveBeenCalledWith('pythonLocation', prefix)
    expect(coreMock.exportVariable).toHaveBeenCalledWith('Python3_ROOT_DIR', prefix)
    expect(coreMock.exportVariable).toHaveBeenCalledWith('PKG_CONFIG_PATH', pkgConfig)
    const ldLibraryPath = coreMock.exportVariable.mock.calls.find(([name]) => name === 'LD_LIBRARY_PATH')
    // only Linux needs the shared libpython of a runner-layout Python on the loader path
    expect(ldLibraryPath?.[1]).toBe(
      platform === 'linux'
        ? `${prefix}/lib${process.env.LD_LIBRARY_PATH ? `:${process.env.LD_LIBRARY_PATH}` : ''}`
        : undefined,
    )
  })
})

describe('cache key per runner', () => {
  it.each<[Platform, string | undefined, string, string]>([
    ['linux', 'ubuntu24', 'x64', 'setup-python-env-v1-linux-ubuntu24-x64-py3.12.8-uv0.13.9-'],
    ['darwin', 'macos15', 'arm64', 'setup-python-env-v1-macos-macos15-arm64-py3.12.8-uv0.13.9-'],
    ['win32', 'win25', 'x64', 'setup-python-env-v1-windows-win25-x64-py3.12.8-uv0.13.9-'],
    ['win32', undefined, 'arm64', 'setup-python-env-v1-windows-arm64-py3.12.8-uv0.13.9-'],
  ])('%s (ImageOS %s, %s) keys with %s', (platform, imageOs, arch, restoreKey) => {
    const keys = cacheKeys({
      os: osKeyPart(platform, imageOs),
      arch,
      pythonVersion: '3.12.8',
      manager: 'uv',
      managerVersion: '0.13.9',
      files: [{ file: 'uv.lock', content: 'x' }],
      extras: [],
      venvPath: platform === 'win32' ? 'D:\\a\\w\\.venv' : '/w/.venv',
      pythonExecutable: platform === 'win32' ? 'C:\\tc\\python.exe' : '/tc/bin/python3',
    })
    expect(keys.restoreKeys).toEqual([restoreKey])
    expect(keys.key).toMatch(new RegExp(`^${restoreKey.replace(/[.+]/g, '\\$&')}[0-9a-f]{64}$`))
  })

  it('keys a venv by its path, so a Windows and a POSIX venv of the same lock never share an entry', () => {
    const base = { files: [], extras: [], pythonExecutable: 'python' }
    const a = cacheKeys({
      ...base,
      os: 'x',
      arch: 'x64',
      pythonVersion: '3',
      manager: 'pip',
      managerVersion: '1',
      venvPath: 'D:\\w\\.venv',
    })
    const b = cacheKeys({
      ...base,
      os: 'x',
      arch: 'x64',
      pythonVersion: '3',
      manager: 'pip',
      managerVersion: '1',
      venvPath: '/w/.venv',
    })
    expect(a.key).not.toBe(b.key)
  })
})

describe('uv release archive per runner', () => {
  it.each<[Platform, string, string]>([
    ['linux', 'x64', 'https://m.test/uv/0.13.9/uv-x86_64-unknown-linux-gnu.tar.gz'],
    ['linux', 'arm64', 'https://m.test/uv/0.13.9/uv-aarch64-unknown-linux-gnu.tar.gz'],
    ['darwin', 'arm64', 'https://m.test/uv/0.13.9/uv-aarch64-apple-darwin.tar.gz'],
    ['darwin', 'x64', 'https://m.test/uv/0.13.9/uv-x86_64-apple-darwin.tar.gz'],
    ['win32', 'x64', 'https://m.test/uv/0.13.9/uv-x86_64-pc-windows-msvc.zip'],
    ['win32', 'arm64', 'https://m.test/uv/0.13.9/uv-aarch64-pc-windows-msvc.zip'],
  ])('%s %s downloads %s', (platform, arch, url) => {
    const { target, extension } = uvTarget(platform, arch)
    expect(uvArchiveUrl('https://m.test/uv/', '0.13.9', target, extension)).toBe(url)
  })
})
