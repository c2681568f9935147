import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { UserError } from '../errors.js'
import { fetchText, type HttpOptions } from './http-download.js'

export interface ExpectedChecksum {
  sha256: string
  /** Where it came from, for the log: "input 'python-sha256'", a URL. */
  from: string
}

/**
 * The SHA-256 the archive must have, from the first place that has one: the `python-sha256`
 * input, `<archive>.sha256`, then the release's `hashes.sha256` next to the archive.
 * Undefined when none of them exists.
 */
export async function findExpectedChecksum(
  archiveUrl: string,
  filename: string,
  inputSha256: string | undefined,
  http: HttpOptions,
): Promise<ExpectedChecksum | undefined> {
  if (inputSha256) return { sha256: inputSha256, from: "input 'python-sha256'" }
  const sidecar = `${archiveUrl}.sha256`
  const sidecarText = await fetchText(sidecar, http)
  const fromSidecar = sidecarText && parseChecksumList(sidecarText, filename, true)
  if (fromSidecar) return { sha256: fromSidecar, from: sidecar }
  const list = new URL('hashes.sha256', archiveUrl).toString()
  const listText = await fetchText(list, http)
  const fromList = listText && parseChecksumList(listText, filename, false)
  if (fromList) return { sha256: fromList, from: list }
  return undefined
}

/**
 * Finds `filename`'s hash in `sha256sum` output (`<hex>  <name>` or `<hex> *<name>`); a
 * `.sha256` file may also hold the bare hash.
 */
export function parseChecksumList(text: string, filename: string, bareAllowed: boolean): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([0-9a-fA-F]{64})(?:\s+\*?(.+?))?\s*$/.exec(line)
    if (!match?.[1]) continue
    const name = match[2]?.split('/').pop()
    if (name === filename || (name === undefined && bareAllowed)) return match[1].toLowerCase()
  }
  return undefined
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Throws a clear error when the downloaded file is not the one the checksum names. */
export async function verifyChecksum(file: string, url: string, expected: ExpectedChecksum): Promise<void> {
  const actual = await sha256OfFile(file)
  if (actual === expected.sha256) return
  throw new UserError({
    title: 'Python download checksum mismatch',
    message: `The Python archive ${url} has SHA-256 ${actual}, but ${expected.from} says ${expected.sha256}. Nothing was installed.`,
    fix:
      expected.from === "input 'python-sha256'"
        ? "Check the 'python-sha256' input against the archive you mean to use."
        : 'The download or the mirror is corrupt or was tampered with: check the mirror, then re-run.',
  })
}
