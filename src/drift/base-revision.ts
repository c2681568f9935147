import { execFile } from 'node:child_process'
import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'
import { API_REQUEST_OPTIONS } from '../github-api.js'
import type { RunnerEvent } from '../runner.js'

/** Reads files (paths relative to the workspace) as they are in the base revision; undefined = absent. */
export interface BaseFileReader {
  ref: string
  read(file: string): Promise<string | undefined>
}

export interface BaseRevisionOptions {
  workspace: string
  /** The event that started the job, its payload already parsed (src/runner.ts). */
  event?: RunnerEvent
  /** The `base-ref` input: a branch, tag or commit to compare with on other events. */
  baseRef?: string
  token?: string
  apiUrl?: string
  repository?: string
}

/** The pull request's base commit (event payload), else the `base-ref` input; undefined when neither. */
export function baseRevisionRef(options: BaseRevisionOptions): string | undefined {
  const event = options.event
  if (event && /^pull_request/.test(event.name)) {
    const pullRequest = event.payload.pull_request as { base?: { sha?: unknown } } | undefined
    const sha = pullRequest?.base?.sha
    if (typeof sha === 'string' && sha) return sha
  }
  return options.baseRef || undefined
}

/**
 * Opens the base revision: git first (fetching the one commit when the checkout is shallow),
 * then the GitHub contents API with the token.
 */
export async function openBaseRevision(options: BaseRevisionOptions): Promise<BaseFileReader | undefined> {
  const ref = baseRevisionRef(options)
  if (!ref) return undefined
  const commit = await resolveWithGit(options.workspace, ref)
  if (commit) {
    core.info(`Comparing with the base revision ${ref} (${commit.slice(0, 12)}) from git.`)
    return { ref, read: (file) => gitShow(options.workspace, commit, file) }
  }
  if (options.token && options.apiUrl && options.repository) {
    core.info(`Comparing with the base revision ${ref} through the GitHub contents API.`)
    return contentsApiReader(ref, options.apiUrl, options.repository, options.token)
  }
  core.warning(
    `The base revision ${ref} is not in the checkout and cannot be fetched; dependency changes are not reported.`,
  )
  return undefined
}

interface GitResult {
  code: number
  stdout: string
}

function git(cwd: string, args: string[], timeout = 60_000): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout })
    })
  })
}

async function resolveWithGit(workspace: string, ref: string): Promise<string | undefined> {
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

async function gitShow(workspace: string, commit: string, file: string): Promise<string | undefined> {
  const result = await git(workspace, ['show', `${commit}:./${file}`])
  return result.code === 0 ? result.stdout : undefined
}

function contentsApiReader(ref: string, apiUrl: string, repository: string, token: string): BaseFileReader {
  const client = new HttpClient('setup-python-env', [new BearerCredentialHandler(token)], API_REQUEST_OPTIONS)
  const base = apiUrl.replace(/\/+$/, '')
  return {
    ref,
    async read(file) {
      const url = `${base}/repos/${repository}/contents/${file.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(ref)}`
      try {
        const response = await client.getJson<{ content?: string; encoding?: string }>(url, {
          accept: 'application/vnd.github+json',
        })
        if (response.statusCode === 404 || !response.result?.content) return undefined
        return Buffer.from(response.result.content, 'base64').toString('utf8')
      } catch (error) {
        core.warning(`Could not read ${file} at ${ref} from the GitHub API: ${(error as Error).message}`)
        return undefined
      }
    },
  }
}
