import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Finding } from '../../src/model/finding.js'
import type { Project } from '../../src/model/project.js'

/** A repository made of the given files; a value of `{ symlink }` makes a symbolic link. */
export type Files = Record<string, string | Buffer | { symlink: string }>

/**
 * Which part of the action a case goes through at unit level:
 * - inputs: `loadInputs` only;
 * - project: `readProject(loadInputs(...))`, the project stage;
 * - drift: the project stage, then the drift context builder and the rules;
 * - uv-version: the project stage, then the uv version choice (uv.toml / [tool.uv]).
 */
export type Stage = 'inputs' | 'project' | 'drift' | 'uv-version'

export type Expected =
  /** The run stops with one UserError (exit 1). */
  | { kind: 'error'; title: string; message?: string; file?: string; line?: number; fixContains?: string }
  /** The run goes on and reports this finding (exit 1 only for error findings with fail-on: error). */
  | { kind: 'finding'; rule: string; file: string; line?: number; fixContains?: string; exitCode: 0 | 1 }
  /** The file is not ours to judge: it is skipped with a warning annotation at the file (exit 0). */
  | { kind: 'warning'; message: string; file: string; line?: number }
  /** Odd but valid: read correctly, nothing to report. `check` looks at what was read. */
  | { kind: 'ok'; check?: (result: StageResult) => void }

/** What a stage produced, for `ok` checks. */
export interface StageResult {
  project?: Project
  findings: Finding[]
  uvVersion?: string
}

export interface BadInputCase {
  name: string
  files: Files
  inputs?: Record<string, string>
  /** Default: project. */
  stage?: Stage
  expected: Expected
  /** Also run through the built action by __tests__/e2e/bad-input.test.ts. */
  e2e?: boolean
}

export function makeRepo(files: Files): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-bad-input-'))
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    if (typeof content === 'object' && !Buffer.isBuffer(content)) fs.symlinkSync(content.symlink, target)
    else fs.writeFileSync(target, content)
  }
  return dir
}

/** The exit code the documented contract gives the expectation (fail-on: error). */
export function expectedExitCode(expected: Expected): 0 | 1 {
  if (expected.kind === 'error') return 1
  if (expected.kind === 'finding') return expected.exitCode
  return 0
}
