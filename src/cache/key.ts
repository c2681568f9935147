import { createHash } from 'node:crypto'

/** Bump when what an entry holds or how it is laid out changes: old entries then never match. */
export const CACHE_SCHEMA = 1

/** One file that decides the environment, by its path relative to the workspace and content. */
export interface KeyFile {
  file: string
  content: Buffer | string
}

export interface CacheKeyParts {
  /** e.g. 'linux-ubuntu24' (platform plus the runner image when known). */
  os: string
  arch: string
  /** Full interpreter version, e.g. '3.11.7'. */
  pythonVersion: string
  manager: string
  managerVersion: string
  /** The user's cache-suffix, or undefined. */
  suffix?: string
  files: KeyFile[]
  /** Anything else that changes what gets installed: groups, extras, options. */
  extras: string[]
  /** Absolute venv path: a venv only works where it was created. */
  venvPath: string
  /** Absolute path of the base interpreter the venv links to. */
  pythonExecutable: string
}

export interface CacheKeys {
  key: string
  /** Tried in order when the key misses: same platform, Python and manager, any lock. */
  restoreKeys: string[]
}

/**
 * `setup-python-env-v<schema>-<os>-<arch>-py<version>-<manager><version>[-<suffix>]-<hash>`.
 * The hash is last and fixed-length so no exact key is a prefix of another entry's key; the
 * restore key is everything before it.
 */
export function cacheKeys(parts: CacheKeyParts): CacheKeys {
  const prefix = [
    `setup-python-env-v${CACHE_SCHEMA}`,
    parts.os,
    parts.arch,
    `py${parts.pythonVersion}`,
    `${parts.manager}${parts.managerVersion}`,
    ...(parts.suffix ? [parts.suffix] : []),
  ]
    .map(keySafe)
    .join('-')
  return { key: `${prefix}-${contentHash(parts)}`, restoreKeys: [`${prefix}-`] }
}

/** sha256 over the files (sorted by path, each by its own hash), the extras and the paths. */
export function contentHash(
  parts: Pick<CacheKeyParts, 'files' | 'extras' | 'venvPath' | 'pythonExecutable'>,
): string {
  const hash = createHash('sha256')
  const files = [...parts.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  for (const file of files) {
    hash.update(`file\0${file.file}\0${createHash('sha256').update(file.content).digest('hex')}\n`)
  }
  for (const extra of parts.extras) hash.update(`extra\0${extra}\n`)
  hash.update(`venv\0${parts.venvPath}\n`)
  hash.update(`python\0${parts.pythonExecutable}\n`)
  return hash.digest('hex')
}

/** Keys may not contain commas (the service splits on them); keep them to a plain alphabet. */
function keySafe(part: string): string {
  return part.replace(/[^A-Za-z0-9._+-]+/g, '_')
}

/** 'linux-ubuntu24' on a GitHub-hosted runner (ImageOS), else the bare platform. */
export function osKeyPart(platform: NodeJS.Platform, imageOs: string | undefined): string {
  const name = platform === 'win32' ? 'windows' : platform === 'darwin' ? 'macos' : platform
  return imageOs ? `${name}-${imageOs}` : name
}
