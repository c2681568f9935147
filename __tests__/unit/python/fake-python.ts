import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

/**
 * A stand-in interpreter: a shell script that answers the action's probe with a version, so the
 * install and resolve logic can be tested without packing a real Python.
 */
export function fakePythonScript(version: string): string {
  return `#!/bin/sh\nd=$(cd "$(dirname "$0")/.." && pwd)\necho "{\\"version\\": \\"${version}\\", \\"executable\\": \\"$0\\", \\"prefix\\": \\"$d\\", \\"basePrefix\\": \\"$d\\", \\"implementation\\": \\"cpython\\", \\"freeThreaded\\": false}"\n`
}

/** A python-versions style archive whose `bin/python3.X` reports `reports` (default: `version`). */
export function fakePythonArchive(version: string, reports = version): Buffer {
  const [major, minor] = version.split('.')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-fake-python-'))
  fs.mkdirSync(path.join(dir, 'bin'))
  fs.mkdirSync(path.join(dir, 'lib'))
  fs.writeFileSync(path.join(dir, 'bin', `python${major}.${minor}`), fakePythonScript(reports), {
    mode: 0o755,
  })
  fs.writeFileSync(path.join(dir, 'setup.sh'), '#!/bin/sh\nexit 1\n', { mode: 0o755 })
  const archive = path.join(dir, 'archive.tar.gz')
  execFileSync('tar', ['czf', archive, '-C', dir, 'bin', 'lib', 'setup.sh'])
  return fs.readFileSync(archive)
}

/** A tool cache whose entries are fake interpreters (complete unless listed in `incomplete`). */
export function fakeToolCache(versions: string[], arch = 'x64', incomplete: string[] = []): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-fake-toolcache-'))
  for (const version of [...versions, ...incomplete]) {
    const bin = path.join(root, 'Python', version, arch, 'bin')
    fs.mkdirSync(bin, { recursive: true })
    fs.writeFileSync(path.join(bin, 'python3'), fakePythonScript(version), { mode: 0o755 })
    if (!incomplete.includes(version))
      fs.writeFileSync(path.join(root, 'Python', version, `${arch}.complete`), '')
  }
  return root
}

/**
 * A Windows archive shaped like actions/python-versions' `python-<v>-win32-<arch>.zip`: the
 * python.org installer (`python-3.12.8-amd64.exe`, `python-3.12.8.exe` for x86, `.msi` before 3.5)
 * next to `setup.ps1`, nothing else. The installer here is inert bytes: the command runner is faked.
 */
export function fakeWindowsArchive(installer: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-fake-win-'))
  fs.writeFileSync(path.join(dir, installer), 'MZ fake installer')
  fs.writeFileSync(path.join(dir, 'setup.ps1'), '# stand-in for python-versions setup.ps1\nexit 1\n')
  const archive = path.join(dir, 'archive.zip')
  execFileSync('zip', ['-q', archive, installer, 'setup.ps1'], { cwd: dir })
  return fs.readFileSync(archive)
}

/**
 * A macOS archive shaped like python-versions' `python-<v>-darwin-<arch>.tar.gz` for 3.11.0b1+:
 * the python.org `python-<v>-macos11.pkg` next to `setup.sh`.
 */
export function fakeMacosPkgArchive(version: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-fake-pkg-'))
  const pkg = `python-${version}-macos11.pkg`
  fs.writeFileSync(path.join(dir, pkg), 'xar! fake pkg')
  fs.writeFileSync(path.join(dir, 'setup.sh'), '#!/bin/sh\n# stand-in for python-versions setup.sh\nexit 1\n')
  const archive = path.join(dir, 'archive.tar.gz')
  execFileSync('tar', ['czf', archive, '-C', dir, pkg, 'setup.sh'])
  return fs.readFileSync(archive)
}
