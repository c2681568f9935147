import * as core from '@actions/core'
import { UserError } from '../errors.js'
import { processEnv, runCommand } from '../exec.js'
import { DEFAULT_HTTP, fetchText, type HttpOptions } from '../python/http-download.js'

export interface LatestUvSource {
  uvSource: 'github' | 'pypi'
  uvMirror?: string
  /** The GitHub REST API base (GITHUB_API_URL on a runner). */
  apiUrl: string
  token?: string
  /** The Python whose pip asks the package index (uv-source: pypi). */
  python: string
  http?: HttpOptions
}

/**
 * `uv-version: latest` made concrete, and logged: the latest GitHub release's tag, or with
 * `uv-source: pypi` the newest uv the package index offers (pip's own resolution, so the index
 * configured for pip is asked). A mirror has no notion of "latest": that is refused.
 */
export async function resolveLatestUv(source: LatestUvSource): Promise<string> {
  const version =
    source.uvSource === 'pypi' ? await latestOnIndex(source.python) : await latestRelease(source)
  core.info(`uv-version 'latest' is uv ${version}`)
  return version
}

async function latestRelease(source: LatestUvSource): Promise<string> {
  if (source.uvMirror) {
    throw new UserError({
      title: "uv-version 'latest' cannot be resolved",
      message: `Input 'uv-version' is 'latest', but 'uv-mirror' (${source.uvMirror}) serves files by version and cannot say which one is the latest.`,
      fix: "Set 'uv-version:' to the version the mirror holds, e.g. 0.13.9.",
    })
  }
  const url = `${source.apiUrl.replace(/\/+$/, '')}/repos/astral-sh/uv/releases/latest`
  const http = source.http ?? DEFAULT_HTTP
  const headers = { ...http.headers, accept: 'application/vnd.github+json' }
  let tag: unknown
  try {
    const text = await fetchText(url, {
      ...http,
      headers: source.token ? { ...headers, authorization: `token ${source.token}` } : headers,
    })
    tag = text === undefined ? undefined : (JSON.parse(text) as { tag_name?: unknown }).tag_name
  } catch (error) {
    tag = (error as Error).message
  }
  if (typeof tag === 'string' && /^\d+\.\d+\.\d+$/.test(tag)) return tag
  throw new UserError({
    title: "uv-version 'latest' cannot be resolved",
    message: `Could not read uv's latest release from ${url}${typeof tag === 'string' ? ` (${tag})` : ''}.`,
    fix: "Set 'uv-version:' to an exact version such as 0.13.9, or use 'uv-source: pypi'.",
  })
}

async function latestOnIndex(python: string): Promise<string> {
  const result = await runCommand(
    python,
    [
      '-m',
      'pip',
      'install',
      '--dry-run',
      '--quiet',
      '--no-deps',
      '--ignore-installed',
      '--report',
      '-',
      'uv',
    ],
    { silent: true, env: processEnv({ PIP_DISABLE_PIP_VERSION_CHECK: '1' }) },
  )
  const version = result.exitCode === 0 ? reportedVersion(result.stdout) : undefined
  if (version) return version
  throw new UserError({
    title: "uv-version 'latest' cannot be resolved",
    message: `pip could not find the newest uv on the package index (exit ${result.exitCode}): ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
    fix: "Set 'uv-version:' to an exact version such as 0.13.9, or check the index pip uses.",
  })
}

/** The version of the one distribution in a `pip install --report` JSON. */
export function reportedVersion(report: string): string | undefined {
  try {
    const parsed = JSON.parse(report) as { install?: { metadata?: { version?: unknown } }[] }
    const version = parsed.install?.[0]?.metadata?.version
    return typeof version === 'string' ? version : undefined
  } catch {
    return undefined
  }
}
