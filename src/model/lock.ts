/**
 * The locked package set, whatever wrote it (uv.lock, poetry.lock, a pinned requirements file),
 * so drift rules and the cache key never care which manager is in use.
 */
export interface LockedPackage {
  /** PEP 503 normalised name. */
  name: string
  version: string
  /** Path relative to the workspace where the package is locked, and the line. */
  file: string
  line?: number
  /** Environment marker when the lock limits the package to some platforms/Pythons. */
  marker?: string
}

export interface LockFile {
  kind: 'uv' | 'poetry' | 'requirements'
  /** Path relative to the workspace. */
  file: string
  packages: LockedPackage[]
  /** The tool and version that wrote the lock, when the lock says (e.g. poetry.lock's @generated header). */
  generatedBy?: { tool: string; version: string; line: number }
}
