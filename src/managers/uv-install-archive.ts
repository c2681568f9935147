import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { UserError } from '../errors.js'
import { UV_RELEASES, uvArchiveUrl, uvTarget } from './uv-target.js'

/**
 * Downloads `uv-<target>.tar.gz` and its `.sha256`, verifies the archive and puts
 * `uv`/`uvx` into the tool cache (`uv/<version>/<arch>`). Returns the cached folder.
 * A failed download or checksum leaves nothing in the tool cache.
 */
export async function installUvFromArchive(
  version: string,
  mirror: string | undefined,
  arch: string,
): Promise<string> {
  const { target, extension } = uvTarget(process.platform, arch)
  const base = mirror ?? UV_RELEASES
  const url = uvArchiveUrl(base, version, target, extension)
  core.info(`Downloading uv ${version} from ${url}`)
  const archive = await download(url, version, mirror)
  try {
    const expected = await expectedSha256(`${url}.sha256`, version)
    const actual = crypto.createHash('sha256').update(fs.readFileSync(archive)).digest('hex')
    if (actual !== expected) {
      throw new UserError({
        title: 'uv download failed verification',
        message: `The sha256 of ${url} is ${actual}, but ${url}.sha256 says ${expected}; the archive was discarded.`,
        fix: mirror
          ? `Make the mirror '${mirror}' serve the official uv release files, or remove 'uv-mirror:'.`
          : 'Re-run the job; if it persists, report it to the uv project.',
      })
    }
    const extracted = extension === 'zip' ? await tc.extractZip(archive) : await tc.extractTar(archive)
    const inner = path.join(extracted, `uv-${target}`)
    const folder = fs.existsSync(inner) ? inner : extracted
    const program = path.join(folder, process.platform === 'win32' ? 'uv.exe' : 'uv')
    if (!fs.existsSync(program)) {
      throw new UserError({
        title: 'uv archive has no uv program',
        message: `${url} does not contain uv-${target}/uv.`,
        fix: mirror ? `Check what '${mirror}' serves.` : 'Report it; the release layout may have changed.',
      })
    }
    return await tc.cacheDir(folder, 'uv', version, arch)
  } finally {
    fs.rmSync(archive, { force: true })
  }
}

async function download(url: string, version: string, mirror: string | undefined): Promise<string> {
  try {
    return await tc.downloadTool(url)
  } catch (error) {
    const status = error instanceof tc.HTTPError ? error.httpStatusCode : undefined
    throw new UserError({
      title: 'uv download failed',
      message:
        status === 404
          ? `uv ${version} was not found at ${url} (HTTP 404): no such release.`
          : `Could not download uv ${version} from ${url}: ${status ? `HTTP ${status}` : (error as Error).message}.`,
      fix:
        status === 404
          ? "Set 'uv-version:' to an existing uv release (e.g. 0.13.9)."
          : mirror
            ? `Check that the mirror '${mirror}' is reachable.`
            : "Re-run the job, set 'uv-mirror:' to a reachable mirror, or use 'uv-source: pypi'.",
    })
  }
}

async function expectedSha256(url: string, version: string): Promise<string> {
  let file: string
  try {
    file = await tc.downloadTool(url)
  } catch (error) {
    throw new UserError({
      title: 'uv checksum missing',
      message: `Could not download ${url} to verify uv ${version}: ${(error as Error).message}.`,
      fix: 'The release must publish a .sha256 next to each archive; check the mirror.',
    })
  }
  const text = fs.readFileSync(file, 'utf8')
  fs.rmSync(file, { force: true })
  const hex = /^\s*([0-9a-fA-F]{64})\b/.exec(text)?.[1]
  if (!hex) {
    throw new UserError({
      title: 'uv checksum unreadable',
      message: `${url} does not start with a sha256 hex digest.`,
      fix: 'Check what the mirror serves for .sha256 files.',
    })
  }
  return hex.toLowerCase()
}
