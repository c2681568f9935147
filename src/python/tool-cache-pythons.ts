import * as fs from 'node:fs'
import * as path from 'node:path'
import { rcompare, valid } from '@renovatebot/pep440'

/** One Python in the runner's tool cache. */
export interface ToolCachePython {
  version: string
  prefix: string
  executable: string
}

/**
 * The complete Pythons in `<toolCache>/Python/<version>/<arch>` (only those with the
 * `<arch>.complete` marker, as runners ship them), newest first. Versions come from the folder
 * names, like setup-python: nothing is started, so this is fast.
 */
export function listToolCachePythons(
  toolCacheDir: string | undefined,
  arch: string,
  platform: NodeJS.Platform,
): ToolCachePython[] {
  if (!toolCacheDir) return []
  const root = path.join(toolCacheDir, 'Python')
  let versions: string[]
  try {
    versions = fs.readdirSync(root)
  } catch {
    return []
  }
  return versions
    .filter((version) => valid(version) !== null)
    .filter((version) => fs.existsSync(path.join(root, version, `${arch}.complete`)))
    .map((version) => {
      const prefix = path.join(root, version, arch)
      return { version, prefix, executable: pythonExecutableIn(prefix, platform) }
    })
    .filter((python) => fs.existsSync(python.executable))
    .sort((a, b) => rcompare(a.version, b.version))
}

/** A runner-layout Python's interpreter: `python.exe` at the prefix on Windows, `bin/python3` elsewhere. */
export function pythonExecutableIn(prefix: string, platform: NodeJS.Platform): string {
  return platform === 'win32'
    ? path.win32.join(prefix, 'python.exe')
    : path.posix.join(prefix, 'bin', 'python3')
}
