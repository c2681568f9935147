import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Inputs } from '../src/inputs.js'
import type { InstallContext } from '../src/managers/types.js'
import { venvLayout } from '../src/managers/venv-layout.js'
import type { Project } from '../src/model/project.js'
import type { PythonInstall } from '../src/python/find-python.js'
import type { Runner } from '../src/runner.js'

/**
 * Contexts for unit tests, complete and typed (no `as unknown as`): the one way tests fake what
 * loadRunner() reads and what the stages before a manager produced.
 */

/** A runner on this machine; its temp folders are under `tempRoot` (one shared OS temp folder by default). */
export function testRunner(overrides: Partial<Runner> = {}): Runner {
  const tempRoot = overrides.tempRoot ?? path.join(os.tmpdir(), 'spe-test-runner')
  const runTemp = overrides.runTemp ?? path.join(tempRoot, 'setup-python-env', 'runs', 'run-test')
  fs.mkdirSync(runTemp, { recursive: true })
  return {
    tempRoot,
    runTemp,
    toolCache: undefined,
    workspace: process.cwd(),
    event: { name: '', payload: {} },
    ref: '',
    apiUrl: 'https://api.github.com',
    platform: process.platform,
    arch: process.arch,
    toolArch: 'x64',
    cacheService: false,
    ...overrides,
  }
}

export function testPython(overrides: Partial<PythonInstall> = {}): PythonInstall {
  return {
    version: '3.11.7',
    executable: 'python3',
    prefix: '/usr',
    source: 'test',
    foundIn: 'path',
    cacheHit: false,
    ...overrides,
  }
}

export interface ContextParts extends Partial<Omit<InstallContext, 'inputs' | 'project'>> {
  inputs: Partial<Inputs>
  project: Partial<Project>
}

/**
 * A manager context from the parts a test cares about; the venv defaults to the inputs'
 * venvPath, else `.venv` in the project root. Usable wherever a ManagerContext or ToolContext is.
 */
export function managerContext(parts: ContextParts): InstallContext {
  const project = parts.project as Project
  const inputs = parts.inputs as Inputs
  const venvRoot = inputs.venvPath ?? path.join(project.root ?? process.cwd(), '.venv')
  return {
    runner: parts.runner ?? testRunner(),
    python: parts.python ?? testPython(),
    venv: parts.venv ?? venvLayout(venvRoot),
    caching: parts.caching,
    tool: parts.tool,
    restoredVenv: parts.restoredVenv ?? false,
    inputs,
    project,
  }
}

/** An input reader for loadInputs(): the given values, '' for the rest (as the runner does). */
export function inputReader(values: Readonly<Record<string, string>> = {}): (name: string) => string {
  return (name) => values[name] ?? ''
}
