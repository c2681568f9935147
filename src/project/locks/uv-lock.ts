import { parse as parseToml } from 'smol-toml'
import { UserError } from '../../errors.js'
import type { LockedPackage, LockFile } from '../../model/lock.js'
import { normalizeName } from '../../model/requirement.js'
import { asRecord, asString, packageLines } from './toml-tables.js'

/** A uv.lock entry with what the cache and drift helpers need beyond name and version. */
export interface UvLockedPackage extends LockedPackage {
  /** 'registry', 'editable', 'virtual', 'directory', 'git', 'url', 'path'. */
  source: string
}

export interface UvLock extends LockFile {
  kind: 'uv'
  packages: UvLockedPackage[]
  /** `version` at the top of uv.lock (the lock format, not uv's version). */
  lockVersion?: number
  requiresPython?: string
}

/**
 * Reads uv.lock text. The virtual workspace root (`source = { virtual = "." }`) is not an
 * installable distribution and is left out; editable members stay in.
 */
export function parseUvLock(text: string, file: string): UvLock {
  const data = parseLockToml(text, file)
  const lines = packageLines(text)
  const entries = Array.isArray(data.package) ? data.package : []
  const packages: UvLockedPackage[] = []
  entries.forEach((entry, index) => {
    const table = asRecord(entry)
    const name = asString(table?.name)
    if (!table || !name) return
    const source = Object.keys(asRecord(table.source) ?? {})[0] ?? 'registry'
    if (source === 'virtual') return
    packages.push({
      name: normalizeName(name),
      version: asString(table.version) ?? '',
      file,
      line: lines[index]?.name,
      source,
    })
  })
  return {
    kind: 'uv',
    file,
    packages,
    lockVersion: typeof data.version === 'number' ? data.version : undefined,
    requiresPython: asString(data['requires-python']),
  }
}

export function parseLockToml(text: string, file: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>
  } catch (error) {
    const line = (error as { line?: number }).line
    throw new UserError({
      title: 'Unreadable lock file',
      message: `${file}${line ? `:${line}` : ''}: the lock file is not valid TOML (${(error as Error).message.split('\n')[0]}).`,
      file,
      line,
      fix: `Regenerate it (${file.endsWith('poetry.lock') ? 'poetry lock' : 'uv lock'}) instead of editing it by hand.`,
    })
  }
}
