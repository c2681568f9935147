import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

/** A CPython installed on this machine, found at test time (never a hard-coded path). */
export interface LocalPython {
  version: string
  /** sys.base_prefix: the installation, usable as a tool cache entry or archive source. */
  prefix: string
}

const PROBE =
  'import sys, platform; print(platform.python_version()); print(sys.base_prefix); print(sys.executable)'

/**
 * CPythons on this machine: `python3` and `python3.X` on PATH, and the versions a version
 * manager on PATH knows (`pyenv root`), each with a `bin/python3` in its prefix. Newest first.
 */
export function discoverPythons(): LocalPython[] {
  const candidates = ['python3', ...Array.from({ length: 10 }, (_, i) => `python3.${i + 8}`)]
  try {
    const root = execFileSync('pyenv', ['root'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
    for (const name of fs.readdirSync(path.join(root, 'versions'))) {
      candidates.push(path.join(root, 'versions', name, 'bin', 'python3'))
    }
  } catch {
    // no pyenv: PATH only
  }
  const found = new Map<string, LocalPython>()
  for (const candidate of candidates) {
    try {
      const [version, prefix] = execFileSync(candidate, ['-c', PROBE], {
        cwd: os.tmpdir(),
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 15_000,
      })
        .toString()
        .trim()
        .split('\n')
      if (!version || !prefix || !/^3\.\d+\.\d+$/.test(version)) continue
      if (!fs.existsSync(path.join(prefix, 'bin', 'python3')) || found.has(version)) continue
      found.set(version, { version, prefix })
    } catch {
      // not installed, or a shim with nothing behind it
    }
  }
  return [...found.values()].sort((a, b) => compare(b.version, a.version))
}

function compare(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  return (pa[0] ?? 0) - (pb[0] ?? 0) || (pa[1] ?? 0) - (pb[1] ?? 0) || (pa[2] ?? 0) - (pb[2] ?? 0)
}

/** Lays Pythons out as a runner's tool cache: `Python/<ver>/<arch>` (a symlink) + `<arch>.complete`. */
export function layToolCache(pythons: LocalPython[], arch = runnerArch()): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-toolcache-'))
  for (const python of pythons) {
    const versionDir = path.join(dir, 'Python', python.version)
    fs.mkdirSync(versionDir, { recursive: true })
    fs.symlinkSync(python.prefix, path.join(versionDir, arch))
    fs.writeFileSync(path.join(versionDir, `${arch}.complete`), '')
  }
  return dir
}

/** The arch name the local runner gives the action (RUNNER_ARCH lower-cased). */
export function runnerArch(): string {
  return process.arch === 'x64' ? 'x64' : process.arch
}
