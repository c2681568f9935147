import * as fs from 'node:fs'
import * as path from 'node:path'
import type { PythonSpec } from '../model/python-spec.js'
import { type InterpreterInfo, probeInterpreter } from './interpreter.js'

const POSIX_NAMES = /^python3(\.\d+)?$|^python$/
const WINDOWS_NAMES = /^python(3(\.\d+)?)?\.exe$/i
const PYPY_NAMES = /^pypy3?(\.\d+)?(\.exe)?$/i

/**
 * Interpreters on PATH (the fallback for local and self-hosted runs), probed in parallel. When
 * the spec names one minor version only `python3.Y`, `python3` and `python` are asked, so a PATH
 * full of pyenv shims costs a few probes, not one per installed version.
 */
export async function listPathPythons(
  pathEnv: string,
  platform: NodeJS.Platform,
  spec: PythonSpec | undefined,
  excludePrefix?: string,
): Promise<InterpreterInfo[]> {
  const wantedName = spec && minorName(spec)
  const names =
    spec?.implementation === 'pypy' ? PYPY_NAMES : platform === 'win32' ? WINDOWS_NAMES : POSIX_NAMES
  const executables: string[] = []
  for (const dir of pathEnv.split(path.delimiter)) {
    if (!dir || (excludePrefix && path.resolve(dir).startsWith(excludePrefix))) continue
    for (const entry of readDir(dir)) {
      if (!names.test(entry)) continue
      if (wantedName && /\d\.\d/.test(entry) && !entry.startsWith(wantedName)) continue
      executables.push(path.join(dir, entry))
    }
  }
  const probed = await Promise.all(
    withoutDuplicateShims(executables, wantedName).map((exe) => probeInterpreter(exe)),
  )
  const seen = new Set<string>()
  const found: InterpreterInfo[] = []
  for (const info of probed) {
    if (!info || info.prefix !== info.basePrefix) continue
    if (excludePrefix && info.executable.startsWith(excludePrefix)) continue
    const key = realpath(info.executable)
    if (seen.has(key)) continue
    seen.add(key)
    found.push(info)
  }
  return found
}

/**
 * Version-manager shims (pyenv, asdf) are identical scripts under several names that each take
 * a few hundred ms to start: of identical scripts in one folder only one name is probed (the
 * wanted `python3.Y`, else `python3`), since they all run the same selection.
 */
function withoutDuplicateShims(executables: string[], wantedName: string | undefined): string[] {
  const rank = (exe: string) => {
    const name = path.basename(exe).replace(/\.exe$/i, '')
    return name === wantedName ? 3 : name === 'python3' ? 2 : name === 'python' ? 1 : 0
  }
  const byScript = new Map<string, string>()
  const kept: string[] = []
  for (const exe of executables) {
    const script = scriptText(exe)
    if (script === undefined) {
      kept.push(exe)
      continue
    }
    const key = `${path.dirname(exe)}\0${script}`
    const previous = byScript.get(key)
    if (previous === undefined || rank(exe) > rank(previous)) byScript.set(key, exe)
  }
  return [...kept, ...byScript.values()]
}

/** The text of a small `#!` script; undefined for binaries and anything unreadable. */
function scriptText(file: string): string | undefined {
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile() || stat.size > 64 * 1024) return undefined
    const text = fs.readFileSync(file, 'latin1')
    return text.startsWith('#!') ? text : undefined
  } catch {
    return undefined
  }
}

/** 'python3.11' for specs that pin one minor version ('3.11', '3.11.7'), else undefined. */
function minorName(spec: PythonSpec): string | undefined {
  if (spec.specifiers.length !== 1) return undefined
  const match = /^==(\d+)\.(\d+)(?:\.\*|\.\d+)?$/.exec(spec.specifiers[0] ?? '')
  const program = spec.implementation === 'pypy' ? 'pypy' : 'python'
  return match ? `${program}${match[1]}.${match[2]}` : undefined
}

function readDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort()
  } catch {
    return []
  }
}

function realpath(file: string): string {
  try {
    return fs.realpathSync(file)
  } catch {
    return file
  }
}
