import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** What an interpreter says about itself. */
export interface InterpreterInfo {
  /** Full version, e.g. '3.11.7'. */
  version: string
  executable: string
  prefix: string
  basePrefix: string
  implementation: string
  /** True for free-threaded (3.13t) builds. */
  freeThreaded: boolean
}

const PROBE = [
  'import json, sys, sysconfig, platform',
  'print(json.dumps({"version": platform.python_version(), "executable": sys.executable,',
  ' "prefix": sys.prefix, "basePrefix": sys.base_prefix,',
  ' "implementation": sys.implementation.name,',
  ' "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED"))}))',
].join('\n')

/** One probe per real file per process: several PATH entries often point at one interpreter. */
const probes = new Map<string, Promise<InterpreterInfo | undefined>>()

/** Asks an interpreter for its version; undefined when it does not run (a broken shim, say). */
export function probeInterpreter(
  executable: string,
  timeoutMs = 15000,
): Promise<InterpreterInfo | undefined> {
  let key = executable
  try {
    key = fs.realpathSync(executable)
  } catch {
    return Promise.resolve(undefined)
  }
  let probe = probes.get(key)
  if (!probe) {
    probe = runProbe(executable, timeoutMs)
    probes.set(key, probe)
  }
  return probe
}

async function runProbe(executable: string, timeoutMs: number): Promise<InterpreterInfo | undefined> {
  try {
    const { stdout } = await execFileAsync(executable, ['-c', PROBE], {
      timeout: timeoutMs,
      windowsHide: true,
    })
    const info = JSON.parse(stdout.trim()) as InterpreterInfo
    return typeof info.version === 'string' ? info : undefined
  } catch {
    return undefined
  }
}
