import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as core from '@actions/core'
import type { Inputs } from '../inputs.js'
import type { ToolEntry, ToolEntryStore } from '../managers/types.js'
import type { PythonInstall } from '../python/find-python.js'
import type { Runner } from '../runner.js'
import { CACHE_SCHEMA, osKeyPart } from './key.js'
import { decideSave } from './save-policy.js'
import { restoreEntry, saveEntry } from './service.js'

/**
 * `setup-python-env-tool-v<schema>-<os>-<arch>-py<version>-<tool><version>-<hash>`: never a prefix
 * of an environment key (`setup-python-env-v…`), so an environment restore key cannot match it.
 * The hash covers the folder and the interpreter, both written into the venv.
 */
export function toolEntryKey(
  where: { python: PythonInstall; runner: Pick<Runner, 'platform' | 'imageOs' | 'arch'> },
  tool: string,
  version: string,
  dir: string,
): string {
  const { python, runner } = where
  const hash = createHash('sha256').update(`dir\0${dir}\npython\0${python.executable}\n`).digest('hex')
  return [
    `setup-python-env-tool-v${CACHE_SCHEMA}`,
    osKeyPart(runner.platform, runner.imageOs),
    runner.arch,
    `py${python.version}`,
    `${tool}${version}`,
  ]
    .map((part) => part.replace(/[^A-Za-z0-9._+-]+/g, '_'))
    .concat(hash.slice(0, 32))
    .join('-')
}

/** The store the managers get (ToolContext.caching) when the environment cache is on. */
export function toolEntryStore(inputs: Inputs, runner: Runner, python: PythonInstall): ToolEntryStore {
  return {
    key: (tool, version, dir) => toolEntryKey({ python, runner }, tool, version, dir),
    restore: (key, dir) => restoreToolEntry(key, dir, runner.tempRoot),
    entry: (key, dir, installed) => toolEntryFor(inputs, runner, key, dir, installed),
  }
}

/**
 * Restores the tool's folder from its entry. True when something was extracted: the caller
 * checks it runs, and installs over it when not. Never throws.
 */
export async function restoreToolEntry(key: string, dir: string, tempRoot: string): Promise<boolean> {
  try {
    fs.rmSync(dir, { recursive: true, force: true })
    const matched = await restoreEntry([dir], key, [], tempRoot)
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
function toolEntryFor(
  inputs: Pick<Inputs, 'cacheSave'>,
  runner: Pick<Runner, 'event' | 'ref'>,
  key: string,
  dir: string,
  installed: boolean,
): ToolEntry {
  if (!installed) return { key, path: dir, save: false, saveSkipReason: 'restored from the cache' }
  const decision = decideSave(inputs.cacheSave, runner.event.name, runner.ref)
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
