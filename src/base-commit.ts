import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as core from '@actions/core'

/*
 * The base commit a change is compared with, from the event and git: used by the drift stage
 * (the base revision's files) and by discover mode (the changed files).
 */

export interface BaseRevisionOptions {
  workspace: string
  eventName?: string
  eventPath?: string
  /** The `base-ref` input: a branch, tag or commit to compare with on other events. */
  baseRef?: string
  token?: string
  apiUrl?: string
  repository?: string
}

/** The pull request's base commit (event payload), else the `base-ref` input; undefined when neither. */
export function baseRevisionRef(options: BaseRevisionOptions): string | undefined {
  if (
    options.eventPath &&
    /^pull_request/.test(options.eventName ?? '') &&
    fs.existsSync(options.eventPath)
  ) {
    try {
      const payload = JSON.parse(fs.readFileSync(options.eventPath, 'utf8')) as {
        pull_request?: { base?: { sha?: string } }
      }
      const sha = payload.pull_request?.base?.sha
      if (sha) return sha
    } catch {
      core.warning('The event payload is not valid JSON; no base revision to compare with.')
    }
  }
  return options.baseRef || undefined
}

export interface GitResult {
  code: number
  stdout: string
}

export function git(cwd: string, args: string[], timeout = 60_000): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout })
    })
  })
}

/** The commit `ref` names; a shallow checkout (actions/checkout's default) fetches it first. */
export async function resolveWithGit(workspace: string, ref: string): Promise<string | undefined> {
  const verify = () => git(workspace, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  let result = await verify()
  if (result.code !== 0) {
    if ((await git(workspace, ['rev-parse', '--is-inside-work-tree'])).code !== 0) return undefined
    // A shallow checkout (actions/checkout's default) lacks the base commit: fetch just that one.
    const fetched = await git(workspace, ['fetch', '--no-tags', '--depth=1', 'origin', ref], 120_000)
    if (fetched.code !== 0) return undefined
    result = await verify()
    if (result.code !== 0)
      result = await git(workspace, ['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}'])
  }
  return result.code === 0 ? result.stdout.trim() : undefined
}
