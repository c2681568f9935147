import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { UnsafeArchiveError } from '../archive/safe-archive.js'
import { UserError } from '../errors.js'
import { findExpectedChecksum, verifyChecksum } from './checksum.js'
import { downloadToFile, type HttpOptions } from './http-download.js'
import { installArchive } from './install-archive.js'
import type { ManifestMatch } from './manifest.js'

export interface DownloadTarget {
  url: string
  match: ManifestMatch
  toolCacheDir: string
  arch: string
  platform: NodeJS.Platform
  tempDir: string
  inputSha256?: string
  http: HttpOptions
}

/** Downloads, verifies and installs one manifest entry into the tool cache; returns its prefix. */
export async function downloadPython(target: DownloadTarget): Promise<string> {
  const { url, match } = target
  fs.mkdirSync(target.tempDir, { recursive: true })
  const dir = fs.mkdtempSync(path.join(target.tempDir, 'python-download-'))
  const archive = path.join(dir, match.file.filename)
  try {
    const expected = await findExpectedChecksum(url, match.file.filename, target.inputSha256, target.http)
    core.info(`Downloading Python ${match.version} from ${url}`)
    await downloadToFile(url, archive, target.http)
    if (expected) {
      await verifyChecksum(archive, url, expected)
      core.info(`SHA-256 verified against ${expected.from}`)
    } else {
      core.warning(
        `No checksum was found for ${match.file.filename} (no 'python-sha256' input, no ${match.file.filename}.sha256, no hashes.sha256 next to it): the download is not verified.`,
        { title: 'Python download not verified' },
      )
    }
    return await installArchive(archive, target.toolCacheDir, match.version, target.arch, target.platform)
  } catch (error) {
    if (error instanceof UserError) throw error
    if (error instanceof UnsafeArchiveError) {
      throw new UserError({
        title: 'Python archive refused',
        message: `The Python ${match.version} archive from ${url} was not installed: ${error.message}.`,
        fix: "The archive is not a python-versions release: check what the 'python-mirror' serves.",
      })
    }
    throw new UserError({
      title: 'Python download failed',
      message: `Installing Python ${match.version} from ${url} failed: ${(error as Error).message}. Nothing was installed.`,
      fix: "Re-run the job; if it keeps failing, check the network or the 'python-mirror' and that it serves this file.",
    })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
