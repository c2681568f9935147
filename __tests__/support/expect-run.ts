import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { expect } from '@jest/globals'
import { type ActionRun, errors } from './run-action.js'

/** main and post exited 0 and no error annotation was written. */
export function expectGreen(run: ActionRun): void {
  expect({ exit: run.exitCode, post: run.post.exitCode, errors: errors(run) }).toEqual({
    exit: 0,
    post: 0,
    errors: [],
  })
}

/** What `pip list` reports in a venv, by PEP 503 normalised name. */
export function pipList(venv: string): Map<string, string> {
  const out = execFileSync(path.join(venv, 'bin', 'python'), ['-m', 'pip', 'list', '--format', 'json'], {
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  }).toString()
  const list = JSON.parse(out) as { name: string; version: string }[]
  return new Map(list.map((pkg) => [pkg.name.toLowerCase().replace(/[-_.]+/g, '-'), pkg.version]))
}
