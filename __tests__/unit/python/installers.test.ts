import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { CommandResult } from '../../../src/exec.js'
import type { InstallerCommand } from '../../../src/python/installer-commands.js'
import { fakeMacosPkgArchive, fakePythonScript, fakeWindowsArchive } from './fake-python.js'

// Windows and macOS cannot run here: the archives are shaped like the real ones, the command
// runner records what would run and plays the installer's effect, the probe answers a version.
jest.unstable_mockModule('@actions/core', () => ({ ...core, isDebug: () => false }))
const { installArchive } = await import('../../../src/python/install-archive.js')
const { archiveLayout } = await import('../../../src/python/archive-layout.js')

const temp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix))
function archiveFile(bytes: Buffer, name: string): string {
  const file = path.join(temp('spe-inst-'), name)
  fs.writeFileSync(file, bytes)
  return file
}

interface Fake {
  commands: InstallerCommand[]
  run(command: InstallerCommand): Promise<CommandResult>
  frameworksDir: string
  probe(exe: string): Promise<{ version: string } | undefined>
}

/** A runner whose installer "installs" (creates python.exe / the framework) unless told to fail. */
function fakeDeps(options: { exitCode?: number; reports?: string; frameworkVersion?: string } = {}): Fake {
  const frameworksDir = temp('spe-frameworks-')
  const commands: InstallerCommand[] = []
  return {
    commands,
    frameworksDir,
    async run(command) {
      commands.push(command)
      const exitCode = options.exitCode ?? 0
      if (exitCode !== 0 || command.args.includes('/uninstall') || command.args.includes('/x'))
        return { exitCode, stdout: '', stderr: exitCode ? 'installer said no' : '' }
      if (command.program === 'sudo') {
        const bin = path.join(
          frameworksDir,
          'Python.framework',
          'Versions',
          options.frameworkVersion ?? '3.12',
          'bin',
        )
        fs.mkdirSync(bin, { recursive: true })
        for (const name of ['lib', 'include', 'share'])
          fs.mkdirSync(path.join(path.dirname(bin), name), { recursive: true })
        fs.writeFileSync(path.join(bin, 'python3.12'), fakePythonScript('3.12.8'), { mode: 0o755 })
        fs.symlinkSync('python3.12', path.join(bin, 'python3'))
      } else if (command.cwd) fs.writeFileSync(path.join(command.cwd, 'python.exe'), 'MZ')
      return { exitCode: 0, stdout: '', stderr: '' }
    },
    async probe() {
      return { version: options.reports ?? '3.12.8' }
    },
  }
}
/** installArchive with the fake's runner, probe and frameworks folder. */
const install = (
  fake: Fake,
  toolCache: string,
  archive: string,
  version: string,
  arch: string,
  platform: NodeJS.Platform,
) => installArchive(archive, toolCache, version, arch, platform, fake as never)

describe('archive layouts (actions/python-versions installers/)', () => {
  it.each([
    [['bin', 'lib', 'include', 'setup.sh'], { kind: 'tree' }],
    [
      ['python-3.12.8-amd64.exe', 'setup.ps1'],
      { kind: 'windows-installer', installer: 'python-3.12.8-amd64.exe', msi: false },
    ],
    [
      ['python-3.12.8.exe', 'setup.ps1'],
      { kind: 'windows-installer', installer: 'python-3.12.8.exe', msi: false },
    ],
    [
      ['python-3.4.4.amd64.msi', 'setup.ps1'],
      { kind: 'windows-installer', installer: 'python-3.4.4.amd64.msi', msi: true },
    ],
    [['python-3.12.8-macos11.pkg', 'setup.sh'], { kind: 'macos-pkg', pkg: 'python-3.12.8-macos11.pkg' }],
    [['python.exe', 'Lib', 'DLLs', 'setup.ps1'], { kind: 'tree' }],
  ])('%j is %j', (names, layout) => {
    expect(archiveLayout(names)).toEqual(layout)
  })
})

describe('Windows: the python.org installer, run as setup.ps1 runs it', () => {
  it.each([
    ['x64', 'python-3.12.8-amd64.exe', []],
    ['x86', 'python-3.12.8.exe', []],
    ['arm64', 'python-3.12.8-arm64.exe', []],
    ['x64-freethreaded', 'python-3.13.1-amd64.exe', ['Include_freethreaded=1']],
  ])('%s: runs %s into the tool cache folder, quietly, for all users', async (arch, installer, extra) => {
    const toolCache = temp('spe-tc-')
    const version = installer.includes('3.13') ? '3.13.1' : '3.12.8'
    const fake = fakeDeps({ reports: version })
    const target = await install(
      fake,
      toolCache,
      archiveFile(fakeWindowsArchive(installer), `python-${version}-win32-${arch}.zip`),
      version,
      arch,
      'win32',
    )
    expect(target).toBe(path.join(toolCache, 'Python', version, arch))
    expect(fake.commands).toEqual([
      {
        program: path.join(target, installer),
        args: [`DefaultAllUsersTargetDir=${target}`, 'InstallAllUsers=1', ...extra, '/quiet'],
        cwd: target,
      },
    ])
    // the installer's copy is not kept; the marker comes last
    expect(fs.readdirSync(target)).toEqual(['python.exe'])
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual([arch, `${arch}.complete`])
  })

  it('runs an old .msi through msiexec with TARGETDIR and ALLUSERS', async () => {
    const toolCache = temp('spe-tc-')
    const fake = fakeDeps({ reports: '3.4.4' })
    const target = await install(
      fake,
      toolCache,
      archiveFile(fakeWindowsArchive('python-3.4.4.amd64.msi'), 'python-3.4.4-win32-x64.zip'),
      '3.4.4',
      'x64',
      'win32',
    )
    expect(fake.commands).toEqual([
      {
        program: 'msiexec.exe',
        args: [
          '/i',
          path.join(target, 'python-3.4.4.amd64.msi'),
          `TARGETDIR=${target}`,
          'ALLUSERS=1',
          '/quiet',
        ],
        cwd: target,
      },
    ])
  })

  it.each([
    [
      'the installer fails',
      { exitCode: 1603 },
      /installer \(python-3\.12\.8-amd64\.exe\) exited with code 1603: installer said no/,
    ],
    ['the installed Python is another version', { reports: '3.12.7' }, /holds Python 3\.12\.7/],
  ])('when %s: uninstalls and leaves nothing in the tool cache', async (_name, options, message) => {
    const toolCache = temp('spe-tc-')
    const fake = fakeDeps(options)
    const attempt = install(
      fake,
      toolCache,
      archiveFile(fakeWindowsArchive('python-3.12.8-amd64.exe'), 'python-3.12.8-win32-x64.zip'),
      '3.12.8',
      'x64',
      'win32',
    )
    await expect(attempt).rejects.toThrow(message)
    const target = path.join(toolCache, 'Python', '3.12.8', 'x64')
    expect(fake.commands.at(-1)).toEqual({
      program: path.join(target, 'python-3.12.8-amd64.exe'),
      args: ['/uninstall', '/quiet'],
    })
    expect(fs.readdirSync(path.join(toolCache, 'Python'))).toEqual([])
  })
})

describe('macOS: the python.org .pkg, installed and linked as setup.sh does', () => {
  it('runs sudo installer -pkg, links the framework into the tool cache, marks it complete', async () => {
    const toolCache = temp('spe-tc-')
    const fake = fakeDeps()
    const target = await install(
      fake,
      toolCache,
      archiveFile(fakeMacosPkgArchive('3.12.8'), 'python-3.12.8-darwin-arm64.tar.gz'),
      '3.12.8',
      'arm64',
      'darwin',
    )
    expect(fake.commands).toHaveLength(1)
    expect(fake.commands[0]).toMatchObject({
      program: 'sudo',
      args: [
        '-n',
        'installer',
        '-pkg',
        expect.stringMatching(/python-3\.12\.8-macos11\.pkg$/),
        '-target',
        '/',
      ],
    })
    const framework = path.join(fake.frameworksDir, 'Python.framework', 'Versions', '3.12')
    for (const name of ['bin', 'include', 'share', 'lib'])
      expect(fs.readlinkSync(path.join(target, name))).toBe(path.join(framework, name))
    expect(fs.readlinkSync(path.join(target, 'python'))).toBe('./bin/python3.12')
    expect(fs.readlinkSync(path.join(framework, 'bin', 'python312'))).toBe('python3.12')
    expect(fs.existsSync(`${target}.complete`)).toBe(true)
  })

  it('removes an older patch of the same minor that linked to the framework it replaced', async () => {
    const toolCache = temp('spe-tc-')
    const fake = fakeDeps()
    const framework = path.join(fake.frameworksDir, 'Python.framework', 'Versions', '3.12')
    const old = path.join(toolCache, 'Python', '3.12.7', 'arm64')
    const other = path.join(toolCache, 'Python', '3.11.9', 'arm64')
    fs.mkdirSync(old, { recursive: true })
    fs.mkdirSync(other, { recursive: true })
    fs.symlinkSync(path.join(framework, 'bin'), path.join(old, 'bin'))
    fs.writeFileSync(`${old}.complete`, '')
    fs.writeFileSync(`${other}.complete`, '')
    await install(
      fake,
      toolCache,
      archiveFile(fakeMacosPkgArchive('3.12.8'), 'python-3.12.8-darwin-arm64.tar.gz'),
      '3.12.8',
      'arm64',
      'darwin',
    )
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.existsSync(`${old}.complete`)).toBe(false)
    expect(fs.existsSync(`${other}.complete`)).toBe(true)
  })

  it.each([
    [
      'sudo fails (no passwordless sudo)',
      'arm64',
      { exitCode: 1 },
      /sudo installer -pkg .* exited with code 1/,
    ],
    [
      'the pkg installs nothing where expected',
      'arm64',
      { frameworkVersion: '3.11' },
      /installed nothing at/,
    ],
    ['a free-threaded .pkg is asked for', 'arm64-freethreaded', {}, /does not install it yet/],
  ])('when %s: a clear error and nothing in the tool cache', async (_name, arch, options, message) => {
    const toolCache = temp('spe-tc-')
    const fake = fakeDeps(options)
    await expect(
      install(
        fake,
        toolCache,
        archiveFile(fakeMacosPkgArchive('3.12.8'), `python-3.12.8-darwin-${arch}.tar.gz`),
        '3.12.8',
        arch,
        'darwin',
      ),
    ).rejects.toThrow(message)
    expect(fs.readdirSync(path.join(toolCache, 'Python'))).toEqual([])
    if (arch.endsWith('freethreaded')) expect(fake.commands).toEqual([])
  })
})
