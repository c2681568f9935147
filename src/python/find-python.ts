import * as core from '@actions/core'
import { UserError } from '../errors.js'
import type { PythonVersionSource } from '../model/project.js'
import { describeSpec, type PythonSpec, parsePythonSpec, specAccepts } from '../model/python-spec.js'
import { selectingSource } from '../project/python-version-sources.js'
import { downloadPython } from './download-python.js'
import { DEFAULT_HTTP, type HttpOptions, UnreachableError } from './http-download.js'
import type { InterpreterInfo } from './interpreter.js'
import {
  archiveUrl,
  fetchManifest,
  linuxOsVersion,
  type ManifestMatch,
  type ManifestRelease,
  manifestUrl,
  manifestVersions,
  type Platform,
  pickFromManifest,
} from './manifest.js'
import { nearestVersions } from './nearest-versions.js'
import { listPathPythons } from './path-pythons.js'
import { listToolCachePythons, pythonExecutableIn, type ToolCachePython } from './tool-cache-pythons.js'

export interface PythonInstall {
  version: string
  /** The interpreter to create environments from. */
  executable: string
  /** Installation prefix (what setup-python exports as pythonLocation). */
  prefix: string
  /** Where the choice came from, e.g. '.python-version:1' or "input 'python-version'". */
  source: string
  foundIn: 'tool-cache' | 'download' | 'path'
  /** True when no download was needed (the python-cache-hit output). */
  cacheHit: boolean
}

export interface FindPythonOptions {
  toolCacheDir?: string
  /** Tool cache arch as the runner names it: 'x64', 'arm64'. */
  arch: string
  pathEnv: string
  platform: NodeJS.Platform
  /** Absolute venv path: interpreters inside it are never candidates. */
  excludePrefix?: string
  tempDir: string
  mirror?: string
  sha256?: string
  checkLatest?: boolean
  allowPrereleases?: boolean
  /** Sent to the default GitHub host only. */
  token?: string
  http?: HttpOptions
}

/**
 * Chooses the Python (docs/python-version.md): the runner's tool cache, else a verified download
 * from the manifest into the tool cache, else (local and self-hosted runs) an interpreter on PATH.
 */
export async function findPython(
  sources: PythonVersionSource[],
  options: FindPythonOptions,
): Promise<PythonInstall> {
  const chosen = selectingSource(sources)
  if (!chosen) return defaultPython(options)
  const spec = parsePythonSpec(chosen.value)
  if (!spec) throw new Error(`unparsed Python version source ${chosen.value}`)
  const where = describeSource(chosen)
  core.info(`Python ${chosen.value} (${describeSpec(spec)}) from ${where}`)
  const allowPre = options.allowPrereleases ?? false
  const arch = spec.freeThreaded ? `${options.arch}-freethreaded` : options.arch

  const cached =
    spec.implementation === 'cpython'
      ? listToolCachePythons(options.toolCacheDir, arch, options.platform).filter((python) =>
          specAccepts(spec, python.version, allowPre),
        )
      : []
  const bestCached = cached[0]
  if (bestCached && !options.checkLatest) return fromToolCache(bestCached, where)

  const manifest = spec.implementation === 'cpython' ? await tryManifest(options) : undefined
  const platform: Platform = { platform: options.platform, arch, osVersion: linuxOsVersion() }
  const match = manifest && pickFromManifest(manifest, spec, platform, allowPre)
  if (match && bestCached && match.version === bestCached.version) return fromToolCache(bestCached, where)
  if (match && options.toolCacheDir) {
    return fromDownload(match, { ...options, toolCacheDir: options.toolCacheDir }, arch, where)
  }
  if (bestCached) return fromToolCache(bestCached, where)

  const onPath = (
    await listPathPythons(options.pathEnv, options.platform, spec, options.excludePrefix)
  ).filter((info) => acceptsInterpreter(spec, info, allowPre))
  const best = onPath.sort((a, b) => compareNewestFirst(a.version, b.version))[0]
  if (best) {
    core.info(`Not in the tool cache and not downloadable here: using ${best.executable} from PATH`)
    return fromPath(best, where)
  }
  throw notFound(chosen, spec, [
    ...listToolCachePythons(options.toolCacheDir, arch, options.platform).map((python) => python.version),
    ...(manifest ? manifestVersions(manifest, platform) : []),
    ...(await listPathPythons(options.pathEnv, options.platform, undefined, options.excludePrefix)).map(
      (info) => info.version,
    ),
  ])
}

/** Downloads the manifest's match into the tool cache, verified. */
async function fromDownload(
  match: ManifestMatch,
  options: FindPythonOptions & { toolCacheDir: string },
  arch: string,
  where: string,
): Promise<PythonInstall> {
  const url = archiveUrl(match.file, options.mirror)
  const prefix = await downloadPython({
    url,
    match,
    toolCacheDir: options.toolCacheDir,
    arch,
    platform: options.platform,
    tempDir: options.tempDir,
    inputSha256: options.sha256,
    http: httpFor(url, options),
  })
  return {
    version: match.version,
    executable: pythonExecutableIn(prefix, options.platform),
    prefix,
    source: where,
    foundIn: 'download',
    cacheHit: false,
  }
}

export function describeSource(source: PythonVersionSource): string {
  if (source.kind === 'input') return "input 'python-version'"
  return source.line ? `${source.file}:${source.line}` : (source.file ?? source.kind)
}

/** The manifest, or undefined (with a log line) when its host cannot be reached. */
async function tryManifest(options: FindPythonOptions): Promise<ManifestRelease[] | undefined> {
  const url = manifestUrl(options.mirror)
  try {
    return await fetchManifest(url, httpFor(url, options))
  } catch (error) {
    const message = `Could not read the Python versions manifest ${url}: ${(error as Error).message}`
    if (error instanceof UnreachableError && !options.mirror) core.info(message)
    else core.warning(message, { title: 'Python manifest unavailable' })
    return undefined
  }
}

const DEFAULT_HOSTS = new Set(['raw.githubusercontent.com', 'github.com', 'api.github.com'])

function httpFor(url: string, options: FindPythonOptions): HttpOptions {
  const http = options.http ?? DEFAULT_HTTP
  if (!options.token || options.mirror || !DEFAULT_HOSTS.has(new URL(url).hostname)) return http
  return { ...http, headers: { ...http.headers, authorization: `token ${options.token}` } }
}

function acceptsInterpreter(spec: PythonSpec, info: InterpreterInfo, allowPre: boolean): boolean {
  if (spec.freeThreaded !== info.freeThreaded) return false
  if ((spec.implementation === 'pypy') !== (info.implementation === 'pypy')) return false
  return specAccepts(spec, info.version, allowPre)
}

function compareNewestFirst(a: string, b: string): number {
  const pa = a.split(/\D+/).map(Number)
  const pb = b.split(/\D+/).map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pb[i] ?? 0) - (pa[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

function fromToolCache(python: ToolCachePython, source: string): PythonInstall {
  return { ...python, source, foundIn: 'tool-cache', cacheHit: true }
}

function fromPath(info: InterpreterInfo, source: string): PythonInstall {
  return {
    version: info.version,
    executable: info.executable,
    prefix: info.basePrefix,
    source,
    foundIn: 'path',
    cacheHit: true,
  }
}

/** Nothing pins a version: the tool cache's newest stable Python, else python3 on PATH. */
async function defaultPython(options: FindPythonOptions): Promise<PythonInstall> {
  const source = 'the default Python (nothing pins a version)'
  const onPath = await listPathPythons(options.pathEnv, options.platform, undefined, options.excludePrefix)
  const preferred = onPath.find((info) => /python3?(\.exe)?$/i.test(info.executable)) ?? onPath[0]
  if (preferred) return fromPath(preferred, source)
  const cached = listToolCachePythons(options.toolCacheDir, options.arch, options.platform)[0]
  if (cached) return fromToolCache(cached, source)
  throw new UserError({
    title: 'No Python found',
    message: 'No Python interpreter was found in the tool cache or on PATH.',
    fix: "Pin a version with 'python-version:' or a .python-version file.",
  })
}

function notFound(chosen: PythonVersionSource, spec: PythonSpec, known: string[]): UserError {
  const nearest = nearestVersions(chosen.value, known)
  const what = `Python ${chosen.value}${spec.freeThreaded ? ' (free-threaded)' : ''}`
  const pypy = spec.implementation === 'pypy' ? ' PyPy is only taken from PATH; it is not downloaded.' : ''
  return new UserError({
    title: 'Python version not found',
    message: `${what} was asked for by ${describeSource(chosen)}, but it is not in the tool cache, not in the versions manifest and not on PATH.${pypy} Nearest available: ${nearest.length ? nearest.join(', ') : 'none'}.`,
    file: chosen.file,
    line: chosen.line,
    fix: nearest[0]
      ? `Pin one of the available versions, e.g. ${nearest[0]}, or fix a typo in the version.`
      : `Install Python ${chosen.value} on the runner or give a 'python-mirror' that has it.`,
  })
}
