import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as core from '@actions/core'
import type { ManagerContext } from '../managers/types.js'
import { CACHE_SCHEMA, osKeyPart } from './key.js'
import { decideSave } from './save-policy.js'
import { restoreEntry, saveEntry } from './service.js'

/**
 * A manager's own program kept in an entry of its own (Poetry's venv in the tool cache), keyed by
 * tool, version, Python and platform only: a lock change makes a new environment entry but finds
 * the tool's entry unchanged, so the tool is never installed again just because the lock moved.
 */
export interface ToolEntry {
  key: string
  /** The folder the entry holds (the tool's venv, an absolute path). */
  path: string
  /** False when the tool came from the entry (or the tool cache) or the save policy says no. */
  save: boolean
  saveSkipReason?: string
}

/**
 * `setup-python-env-tool-v<schema>-<os>-<arch>-py<version>-<tool><version>-<hash>`: never a prefix
 * of an environment key (`setup-python-env-v…`), so an environment restore key cannot match it.
 * The hash covers the folder and the interpreter, both written into the venv.
 */
export function toolEntryKey(
  ctx: Pick<ManagerContext, 'python'>,
  tool: string,
  version: string,
  dir: string,
): string {
  const hash = createHash('sha256').update(`dir\0${dir}\npython\0${ctx.python.executable}\n`).digest('hex')
  const os = osKeyPart(process.platform, process.env.ImageOS)
  return [
    `setup-python-env-tool-v${CACHE_SCHEMA}`,
    os,
    ctx.python.arch,
    `py${ctx.python.version}`,
    `${tool}${version}`,
  ]
    .map((part) => part.replace(/[^A-Za-z0-9._+-]+/g, '_'))
    .concat(hash.slice(0, 32))
    .join('-')
}

/** Whether the tool may use the cache service this run: the environment cache is on. */
export function toolCacheOn(ctx: Pick<ManagerContext, 'downloadCacheDir'>): boolean {
  return ctx.downloadCacheDir !== undefined
}

/**
 * Restores the tool's folder from its entry. True when something was extracted: the caller
 * checks it runs, and installs over it when not. Never throws.
 */
export async function restoreToolEntry(key: string, dir: string): Promise<boolean> {
  try {
    fs.rmSync(dir, { recursive: true, force: true })
    const matched = await restoreEntry([dir], key, [])
    if (matched === key && fs.existsSync(dir)) return true
  } catch (error) {
    core.warning(
      `Cache: restoring ${key} failed (${error instanceof Error ? error.message : String(error)}).`,
    )
  }
  fs.rmSync(dir, { recursive: true, force: true })
  return false
}

/** The entry post saves for a tool main installed (nothing to save when it was restored). */
export function toolEntryFor(
  ctx: Pick<ManagerContext, 'inputs'>,
  key: string,
  dir: string,
  installed: boolean,
): ToolEntry {
  if (!installed) return { key, path: dir, save: false, saveSkipReason: 'restored from the cache' }
  const decision = decideSave(
    ctx.inputs.cacheSave,
    process.env.GITHUB_EVENT_NAME ?? '',
    process.env.GITHUB_REF ?? '',
  )
  return { key, path: dir, save: decision.save, saveSkipReason: decision.reason }
}

/** Post: stores the tool's folder under its key. Every problem is a warning. */
export async function saveToolEntry(entry: ToolEntry): Promise<void> {
  if (!entry.save) {
    core.info(`Cache: not saving ${entry.key} (${entry.saveSkipReason ?? 'nothing to save'}).`)
    return
  }
  if (!fs.existsSync(entry.path)) {
    core.warning(`Cache: not saving ${entry.key}, ${entry.path} no longer exists.`)
    return
  }
  try {
    if (await saveEntry([entry.path], entry.key)) core.info(`Cache: saved ${entry.key}.`)
    else core.warning(`Cache: ${entry.key} was not saved (see the messages above).`)
  } catch (error) {
    core.warning(
      `Cache: saving ${entry.key} failed (${error instanceof Error ? error.message : String(error)}).`,
    )
  }
}
