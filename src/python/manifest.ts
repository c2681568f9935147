import * as fs from 'node:fs'
import { compare, valid } from '@renovatebot/pep440'
import { type PythonSpec, specAccepts } from '../model/python-spec.js'
import { fetchText, type HttpOptions } from './http-download.js'

/** actions/python-versions `versions-manifest.json` (FACTS.md). */
export interface ManifestRelease {
  version: string
  stable: boolean
  release_url?: string
  files: ManifestFile[]
}

export interface ManifestFile {
  filename: string
  arch: string
  platform: string
  platform_version?: string
  download_url: string
}

export const DEFAULT_MANIFEST_URL =
  'https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json'
const GITHUB_RELEASES = 'https://github.com/actions/python-versions/releases/download/'

/** Where the manifest lives: `<python-mirror>/versions-manifest.json`, else GitHub's. */
export function manifestUrl(mirror: string | undefined): string {
  return mirror ? `${mirror}/versions-manifest.json` : DEFAULT_MANIFEST_URL
}

/**
 * Where to download an archive from. With a mirror, GitHub release URLs become
 * `<mirror>/<tag>/<filename>` (an air-gapped copy keeps the release layout) and relative URLs
 * are resolved against the manifest; other absolute URLs are used as written.
 */
export function archiveUrl(file: ManifestFile, mirror: string | undefined): string {
  if (mirror && file.download_url.startsWith(GITHUB_RELEASES)) {
    return `${mirror}/${file.download_url.slice(GITHUB_RELEASES.length)}`
  }
  return new URL(file.download_url, manifestUrl(mirror)).toString()
}

export async function fetchManifest(url: string, http: HttpOptions): Promise<ManifestRelease[]> {
  const text = await fetchText(url, http)
  if (text === undefined) throw new Error(`${url} answered 404`)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new Error(`${url} is not JSON`)
  }
  if (!Array.isArray(parsed)) throw new Error(`${url} is not a versions manifest (expected a JSON array)`)
  return parsed.filter(isRelease)
}

function isRelease(value: unknown): value is ManifestRelease {
  const release = value as ManifestRelease
  return typeof release?.version === 'string' && Array.isArray(release.files)
}

export interface Platform {
  /** 'linux' | 'darwin' | 'win32', as the manifest names them. */
  platform: string
  /** Tool cache arch, e.g. 'x64' or 'x64-freethreaded'. */
  arch: string
  /** e.g. '24.04' on Ubuntu; undefined when unknown. */
  osVersion?: string
}

export interface ManifestMatch {
  version: string
  file: ManifestFile
}

/** The newest release the spec accepts that has a file for this platform. */
export function pickFromManifest(
  releases: ManifestRelease[],
  spec: PythonSpec,
  platform: Platform,
  allowPrereleases: boolean,
): ManifestMatch | undefined {
  const matches = releases
    .filter((release) => valid(release.version) !== null)
    .filter((release) => release.stable || allowPrereleases || spec.namesPrerelease)
    .filter((release) => specAccepts(spec, release.version, allowPrereleases || !release.stable))
    .sort((a, b) => compare(b.version, a.version))
  for (const release of matches) {
    const file = fileFor(release, platform)
    if (file) return { version: release.version, file }
  }
  return undefined
}

/** An exact OS-version match first, then a file that names no OS version. */
function fileFor(release: ManifestRelease, target: Platform): ManifestFile | undefined {
  const files = release.files.filter((file) => file.platform === target.platform && file.arch === target.arch)
  return (
    files.find((file) => file.platform_version !== undefined && file.platform_version === target.osVersion) ??
    files.find((file) => file.platform_version === undefined)
  )
}

/** Every version the manifest offers for this platform, for the "nearest versions" hint. */
export function manifestVersions(releases: ManifestRelease[], platform: Platform): string[] {
  return releases.filter((release) => fileFor(release, platform)).map((release) => release.version)
}

/** Ubuntu's VERSION_ID ('24.04'), which the manifest's platform_version names. */
export function linuxOsVersion(): string | undefined {
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8')
    return /^VERSION_ID="?([^"\n]+)"?$/m.exec(text)?.[1]
  } catch {
    return undefined
  }
}
