import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'
import { git, resolveWithGit } from '../base-commit.js'
import type { BaseRevisionOptions } from '../drift/base-revision.js'
import { API_REQUEST_OPTIONS } from '../github-api.js'
import type { ChangeScope } from './select-projects.js'

export interface ChangeOptions extends BaseRevisionOptions {
  /** The commit being built (GITHUB_SHA), the head of a comparison through the API. */
  headSha?: string
}

export interface ChangedFiles {
  scope: ChangeScope
  /** The base compared with, and how the diff was made, for the summary. */
  base?: string
  via?: 'git' | 'api'
}

/** The pull request files endpoint serves at most 3,000 files, 100 a page. */
const MAX_PAGES = 30
/** The compare endpoint lists at most 300 files and does not page them. */
const COMPARE_LIMIT = 300

/**
 * The files changed since the base: the pull request's base commit, else the `base-ref` input.
 * git first (fetching the base when the checkout is shallow), then the GitHub API; when neither
 * can tell, every project is listed, with a warning, rather than silently too few.
 */
export async function changedFiles(options: ChangeOptions): Promise<ChangedFiles> {
  const ref = pullRequest(options)?.baseSha ?? options.baseRef
  if (!ref) {
    const event = options.event?.name || 'this'
    return { scope: { kind: 'all', because: `${event} event without base-ref: nothing to compare with` } }
  }
  const branch = pullRequest(options)?.baseBranch
  const base = branch ? `${branch} (${ref.slice(0, 12)})` : ref
  const commit = await resolveWithGit(options.workspace, ref)
  if (commit) {
    const files = await gitDiff(options.workspace, commit)
    if (files) return { scope: { kind: 'changed', files }, base, via: 'git' }
  }
  if (options.token && options.apiUrl && options.repository) {
    try {
      const files = await apiDiff(options, ref)
      if (files) return { scope: { kind: 'changed', files }, base, via: 'api' }
      return everything(ref, 'the GitHub API lists only the first files of so large a change')
    } catch (error) {
      return everything(ref, `the GitHub API did not answer (${(error as Error).message})`)
    }
  }
  return everything(ref, 'it is not in the checkout and there is no token for the GitHub API')
}

function everything(ref: string, why: string): ChangedFiles {
  core.warning(`Cannot tell which files changed since ${ref}: ${why}. Every project is listed.`, {
    title: 'Changed files unknown',
  })
  return { scope: { kind: 'all', because: `changed files since ${ref} unknown` }, base: ref }
}

/** `base...HEAD` (what the pull request adds); `base HEAD` when a shallow clone has no merge base. */
async function gitDiff(workspace: string, commit: string): Promise<string[] | undefined> {
  const args = ['diff', '--name-only', '--no-renames', '--relative', '-z']
  let result = await git(workspace, [...args, `${commit}...HEAD`])
  if (result.code !== 0) result = await git(workspace, [...args, commit, 'HEAD'])
  if (result.code !== 0) return undefined
  return result.stdout.split('\0').filter((file) => file !== '')
}

/** undefined when the API's list is cut short (then the caller lists everything). */
async function apiDiff(options: ChangeOptions, ref: string): Promise<string[] | undefined> {
  const client = new HttpClient(
    'setup-python-env',
    [new BearerCredentialHandler(options.token ?? '')],
    API_REQUEST_OPTIONS,
  )
  const repo = `${(options.apiUrl ?? '').replace(/\/+$/, '')}/repos/${options.repository}`
  const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' }
  const number = pullRequest(options)?.number
  type FileEntry = { filename?: string; previous_filename?: string }
  const names = (entries: FileEntry[]) =>
    entries.flatMap((entry) => [entry.filename, entry.previous_filename]).filter((f): f is string => !!f)
  if (number !== undefined) {
    const files: string[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await client.getJson<FileEntry[]>(
        `${repo}/pulls/${number}/files?per_page=100&page=${page}`,
        headers,
      )
      const entries = expectOk(response)
      files.push(...names(entries))
      if (entries.length < 100) return files
    }
    return undefined
  }
  const head = options.headSha || 'HEAD'
  const response = await client.getJson<{ files?: FileEntry[] }>(
    `${repo}/compare/${encodeURIComponent(ref)}...${encodeURIComponent(head)}`,
    headers,
  )
  const entries = expectOk(response).files ?? []
  return entries.length >= COMPARE_LIMIT ? undefined : names(entries)
}

/** A 404 answers with no body instead of throwing: it must not read as "nothing changed". */
function expectOk<T>(response: { statusCode: number; result: T | null }): T {
  if (response.statusCode !== 200 || response.result === null) throw new Error(`HTTP ${response.statusCode}`)
  return response.result
}

/** The pull request's number, base commit and base branch from the event payload. */
function pullRequest(
  options: ChangeOptions,
): { number?: number; baseSha?: string; baseBranch?: string } | undefined {
  if (!options.event || !/^pull_request/.test(options.event.name)) return undefined
  const pull = options.event.payload.pull_request as
    | { number?: unknown; base?: { ref?: unknown; sha?: unknown } }
    | undefined
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined)
  return {
    number: typeof pull?.number === 'number' ? pull.number : undefined,
    baseSha: text(pull?.base?.sha),
    baseBranch: text(pull?.base?.ref),
  }
}
