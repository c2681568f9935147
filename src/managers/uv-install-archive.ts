import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { assertSafeTarGz, UnsafeArchiveError } from '../archive/safe-archive.js'
import { UserError } from '../errors.js'
import { DEFAULT_HTTP, downloadToFile, fetchText, NotFoundError } from '../python/http-download.js'
import { UV_RELEASES, uvArchiveUrl, uvTarget } from './uv-target.js'

/**
 * Downloads `uv-<target>.tar.gz` and its `.sha256`, verifies the archive and puts
 * `uv`/`uvx` into the tool cache (`uv/<version>/<arch>`). Returns the cached folder.
 * A failed download or checksum leaves nothing in the tool cache. Downloads go through the
 * same client as Python's: bounded retries with backoff, and an attempt that receives nothing
 * for 30 s is abandoned (tool-cache's downloadTool has no such timeout).
 */
export async function installUvFromArchive(
  version: string,
  mirror: string | undefined,
  arch: string,
  tempDir: string,
): Promise<string> {
  const { target, extension } = uvTarget(process.platform, arch)
  const base = mirror ?? UV_RELEASES
  const url = uvArchiveUrl(base, version, target, extension)
  core.info(`Downloading uv ${version} from ${url}`)
  const archive = await download(url, version, mirror, tempDir)
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
    if (extension !== 'zip') await refuseUnsafe(archive, url, mirror)
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
    fs.rmSync(path.dirname(archive), { recursive: true, force: true })
  }
}

async function refuseUnsafe(archive: string, url: string, mirror: string | undefined): Promise<void> {
  try {
    await assertSafeTarGz(archive)
  } catch (error) {
    if (!(error instanceof UnsafeArchiveError)) throw error
    throw new UserError({
      title: 'uv archive refused',
      message: `${url} was not installed: ${error.message}.`,
      fix: mirror ? `Check what '${mirror}' serves.` : 'Report it; the release layout may have changed.',
    })
  }
}

async function download(
  url: string,
  version: string,
  mirror: string | undefined,
  tempDir: string,
): Promise<string> {
  const dir = fs.mkdtempSync(path.join(tempDir, 'uv-download-'))
  const file = path.join(dir, path.basename(new URL(url).pathname))
  try {
    await downloadToFile(url, file, DEFAULT_HTTP)
    return file
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    const missing = error instanceof NotFoundError
    throw new UserError({
      title: 'uv download failed',
      message: missing
        ? `uv ${version} was not found at ${url} (${(error as Error).message}): no such release.`
        : `Could not download uv ${version} from ${url}: ${(error as Error).message}.`,
      fix: missing
        ? "Set 'uv-version:' to an existing uv release (e.g. 0.13.9)."
        : mirror
          ? `Check that the mirror '${mirror}' is reachable.`
          : "Re-run the job, set 'uv-mirror:' to a reachable mirror, or use 'uv-source: pypi'.",
    })
  }
}

async function expectedSha256(url: string, version: string): Promise<string> {
  let text: string | undefined
  let reason = 'HTTP 404'
  try {
    text = await fetchText(url, DEFAULT_HTTP)
  } catch (error) {
    reason = (error as Error).message
  }
  if (text === undefined) {
    throw new UserError({
      title: 'uv checksum missing',
      message: `Could not download ${url} to verify uv ${version}: ${reason}.`,
      fix: 'The release must publish a .sha256 next to each archive; check the mirror.',
    })
  }
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
