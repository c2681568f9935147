import * as path from 'node:path'
import type { RequirementsFile } from '../model/project.js'
import { normalizeName } from '../model/requirement.js'
import { asRecord } from '../project/locks/toml-tables.js'

/** What a project installs from the repository itself rather than from an index. */
export interface LocalDependencies {
  /** Absolute folders installed by path (uv and poetry path sources, `-e ../lib` requirements). */
  folders: string[]
  /** uv workspace members named with `{ workspace = true }`, normalised names. */
  workspaceMembers: string[]
  /** Absolute requirements files outside the project folder it reads with -r / -c. */
  outsideFiles: string[]
}

/**
 * The project's local dependencies, from the files setup mode already parsed: `[tool.uv.sources]`,
 * poetry's dependency tables (main, dev and every group) and the requirements files. Pure.
 */
export function localDependencies(
  root: string,
  pyproject: Record<string, unknown>,
  requirementsFiles: readonly RequirementsFile[],
): LocalDependencies {
  const found: LocalDependencies = { folders: [], workspaceMembers: [], outsideFiles: [] }
  const tool = asRecord(pyproject.tool)
  for (const [name, source] of Object.entries(asRecord(asRecord(tool?.uv)?.sources) ?? {})) {
    for (const entry of tablesOf(source)) {
      if (typeof entry.path === 'string') found.folders.push(path.resolve(root, entry.path))
      if (entry.workspace === true) found.workspaceMembers.push(normalizeName(name))
    }
  }
  const poetry = asRecord(tool?.poetry)
  const poetryTables = [
    poetry?.dependencies,
    poetry?.['dev-dependencies'],
    ...Object.values(asRecord(poetry?.group) ?? {}).map((group) => asRecord(group)?.dependencies),
  ]
  for (const table of poetryTables) {
    for (const spec of Object.values(asRecord(table) ?? {})) {
      for (const entry of tablesOf(spec)) {
        if (typeof entry.path === 'string') found.folders.push(path.resolve(root, entry.path))
      }
    }
  }
  for (const file of requirementsFiles) collectRequirements(root, file, found)
  found.folders = [...new Set(found.folders)].filter((folder) => folder !== root)
  found.outsideFiles = [...new Set(found.outsideFiles)]
  return found
}

/** A dependency is a table, or an array of tables for per-platform sources. */
function tablesOf(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : [value]
  return list.map(asRecord).filter((entry): entry is Record<string, unknown> => entry !== undefined)
}

function collectRequirements(root: string, file: RequirementsFile, found: LocalDependencies): void {
  if (!isInside(root, file.path)) found.outsideFiles.push(file.path)
  for (const requirement of file.requirements) {
    const folder = requirement.url ? localPath(requirement.url) : undefined
    // pip resolves relative paths from its working directory: the project folder
    if (folder !== undefined) found.folders.push(path.resolve(root, folder))
  }
  for (const child of [...file.included, ...file.constraints]) collectRequirements(root, child, found)
}

/** `../lib`, `./lib[extra]`, `file:../lib#egg=lib`, `/abs/lib`; undefined for URLs and VCS links. */
export function localPath(url: string): string | undefined {
  const bare = url.replace(/#.*$/, '').replace(/\[[^\]]*\]$/, '')
  if (/^file:\/\//i.test(bare)) return decodeURIComponent(bare.replace(/^file:\/\//i, '')) || undefined
  if (/^file:/i.test(bare)) return bare.replace(/^file:/i, '') || undefined
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare)) return undefined
  return bare === '' ? undefined : bare
}

export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
