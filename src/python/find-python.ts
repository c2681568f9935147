import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { PythonVersionSource } from '../project/types.js'
import { type InterpreterInfo, probeInterpreter } from './interpreter.js'
import { compareVersions, matchesVersionPrefix } from './version-match.js'

export interface PythonInstall {
  version: string
  /** The interpreter to create environments from. */
  executable: string
  /** Installation prefix (what setup-python exports as pythonLocation). */
  prefix: string
  /** Where the choice came from, e.g. '.python-version:1' or 'input python-version'. */
  source: string
  /** 'tool-cache' or 'path'. */
  foundIn: 'tool-cache' | 'path'
}

export interface FindPythonOptions {
  toolCacheDir?: string
  arch: string
  pathEnv: string
  platform: NodeJS.Platform
  /** Absolute venv path: interpreters inside it are never candidates. */
  excludePrefix?: string
}

interface Candidate {
  info: InterpreterInfo
  foundIn: PythonInstall['foundIn']
}

/** Finds an installed interpreter matching the first version source, or the default python3. */
export async function findPython(
  sources: PythonVersionSource[],
  options: FindPythonOptions,
): Promise<PythonInstall> {
  const wanted = sources[0]
  const candidates = await listCandidates(options)
  if (!wanted) {
    const fallback = candidates.find((candidate) => candidate.foundIn === 'path') ?? candidates[0]
    if (!fallback) throw noPythonAtAll()
    return toInstall(fallback, 'the default python3 on PATH (nothing pins a version)')
  }
  const matching = candidates
    .filter((candidate) => matchesVersionPrefix(wanted.value, candidate.info.version))
    .sort((a, b) => compareVersions(b.info.version, a.info.version))
  const best = matching[0]
  if (best) return toInstall(best, describeSource(wanted))
  const found = [...new Set(candidates.map((c) => `${c.info.version} (${c.info.executable})`))]
  throw new UserError({
    title: 'Python version not found',
    message: `Python ${wanted.value} was asked for by ${describeSource(wanted)}, but no installed interpreter matches. Found: ${found.length ? found.join(', ') : 'none'}.`,
    file: wanted.file,
    line: wanted.line,
    fix: `Install Python ${wanted.value} on the runner, or pin one of the versions found.`,
  })
}

export function describeSource(source: PythonVersionSource): string {
  if (source.kind === 'input') return "input 'python-version'"
  return source.line ? `${source.file}:${source.line}` : (source.file ?? source.kind)
}

function toInstall(candidate: Candidate, source: string): PythonInstall {
  return {
    version: candidate.info.version,
    executable: candidate.info.executable,
    prefix: candidate.info.basePrefix,
    source,
    foundIn: candidate.foundIn,
  }
}

async function listCandidates(options: FindPythonOptions): Promise<Candidate[]> {
  const toolCache = toolCacheExecutables(options).map((exe) => ({ exe, foundIn: 'tool-cache' as const }))
  const onPath = pathExecutables(options).map((exe) => ({ exe, foundIn: 'path' as const }))
  const seen = new Set<string>()
  const candidates: Candidate[] = []
  for (const { exe, foundIn } of [...toolCache, ...onPath]) {
    const info = await probeInterpreter(exe)
    if (!info || info.prefix !== info.basePrefix) continue
    if (options.excludePrefix && info.executable.startsWith(options.excludePrefix)) continue
    const key = fs.existsSync(info.executable) ? fs.realpathSync(info.executable) : info.executable
    if (seen.has(key)) continue
    seen.add(key)
    candidates.push({ info, foundIn })
  }
  return candidates
}

/** `$RUNNER_TOOL_CACHE/Python/<version>/<arch>` with its `.complete` marker, as runners ship it. */
function toolCacheExecutables(options: FindPythonOptions): string[] {
  if (!options.toolCacheDir) return []
  const root = path.join(options.toolCacheDir, 'Python')
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, `${options.arch}.complete`)))
    .sort((a, b) => compareVersions(b, a))
    .map((version) => pythonExecutableIn(path.join(root, version, options.arch), options.platform))
    .filter((exe) => fs.existsSync(exe))
}

export function pythonExecutableIn(prefix: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? path.join(prefix, 'python.exe') : path.join(prefix, 'bin', 'python3')
}

const PATH_NAMES_POSIX = /^python3(\.\d+)?$|^python$/
const PATH_NAMES_WINDOWS = /^python(3(\.\d+)?)?\.exe$/i

function pathExecutables(options: FindPythonOptions): string[] {
  const names = options.platform === 'win32' ? PATH_NAMES_WINDOWS : PATH_NAMES_POSIX
  const result: string[] = []
  for (const dir of options.pathEnv.split(path.delimiter)) {
    if (!dir || !fs.existsSync(dir)) continue
    let entries: string[]
    try {
      entries = fs.readdirSync(dir)
    } catch {
      continue
    }
    for (const entry of entries.filter((name) => names.test(name)).sort()) result.push(path.join(dir, entry))
  }
  return result
}

function noPythonAtAll(): UserError {
  return new UserError({
    title: 'No Python found',
    message: 'No Python interpreter was found in the tool cache or on PATH.',
    fix: "Pin a version with 'python-version:' or a .python-version file.",
  })
}
