import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LocalRunOptions, type LocalRunResult, runLocal } from '../../scripts/local-runner/run-local.js'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const examplesDir = path.join(repoRoot, 'examples')
/** The pinned Python tools (.tools/venv, installed by `npm test`'s pretest). */
export const toolsBin = path.join(
  repoRoot,
  '.tools',
  'venv',
  process.platform === 'win32' ? 'Scripts' : 'bin',
)

/** One pip/uv download cache shared by every e2e test of a run, so packages download once. */
export const sharedCaches = {
  PIP_CACHE_DIR: path.join(repoRoot, '.cache', 'pip'),
  UV_CACHE_DIR: path.join(repoRoot, '.cache', 'uv'),
  POETRY_CACHE_DIR: path.join(repoRoot, '.cache', 'poetry'),
}

/** Copies an example into a fresh temp folder so tests never write into the repository. */
export function copyExample(relative: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `spe-${path.basename(relative)}-`))
  fs.cpSync(path.join(examplesDir, relative), target, {
    recursive: true,
    filter: (source) => !/[/\\](\.venv|__pycache__|\.pytest_cache|[^/\\]+\.egg-info)$/.test(source),
  })
  return target
}

export interface ActionRun extends LocalRunResult {
  projectDir: string
}

/** Runs the built action (dist/) through the local runner on a copy of an example. */
export async function runAction(
  example: string,
  options: Omit<LocalRunOptions, 'projectDir'> & { projectDir?: string } = {},
): Promise<ActionRun> {
  const projectDir = options.projectDir ?? copyExample(example)
  const result = await runLocal({
    ...options,
    projectDir,
    env: { ...sharedCaches, ...options.env },
    timeoutMs: options.timeoutMs ?? 10 * 60 * 1000,
  })
  return { ...result, projectDir }
}

/** The error annotations a run printed, for assertions. */
export function errors(run: LocalRunResult) {
  return run.annotations.filter((annotation) => annotation.level === 'error')
}
