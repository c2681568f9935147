import { execFile } from 'node:child_process'

/*
 * git for the base commit a change is compared with: used by the drift stage (the base
 * revision's files) and by discover mode (the changed files).
 */

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
