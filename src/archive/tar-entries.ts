import * as fs from 'node:fs'
import * as zlib from 'node:zlib'

/** One member of a tar archive, as far as where it lands is concerned. */
export interface TarEntry {
  name: string
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'
  /** The target of a symlink or hardlink. */
  linkname?: string
}

const BLOCK = 512

/**
 * Lists the members of a .tar.gz without extracting anything, in our own code rather than by
 * parsing `tar -tv` (names with spaces or newlines, GNU and bsdtar differences). Reads ustar,
 * GNU long names/links (`L`/`K`) and pax `path`/`linkpath` records.
 */
export async function listTarGz(file: string): Promise<TarEntry[]> {
  const entries: TarEntry[] = []
  let buffer = Buffer.alloc(0)
  /** Bytes of the current member's data still to skip or collect, padding included. */
  let remaining = 0
  let collecting: { kind: string; size: number; chunks: Buffer[] } | undefined
  let longName: string | undefined
  let longLink: string | undefined
  let pax: Record<string, string> = {}
  let ended = false

  const stream = fs.createReadStream(file).pipe(zlib.createGunzip())
  for await (const chunk of stream) {
    buffer = Buffer.concat([buffer, chunk as Buffer])
    while (!ended) {
      if (remaining > 0) {
        const take = Math.min(remaining, buffer.length)
        if (take === 0) break
        collecting?.chunks.push(buffer.subarray(0, take))
        buffer = buffer.subarray(take)
        remaining -= take
        if (remaining === 0 && collecting) {
          const data = Buffer.concat(collecting.chunks).subarray(0, collecting.size)
          if (collecting.kind === 'L') longName = cString(data)
          else if (collecting.kind === 'K') longLink = cString(data)
          else pax = { ...pax, ...parsePax(data) }
          collecting = undefined
        }
        continue
      }
      if (buffer.length < BLOCK) break
      const header = buffer.subarray(0, BLOCK)
      buffer = buffer.subarray(BLOCK)
      if (header.every((byte) => byte === 0)) {
        ended = true
        break
      }
      const size = parseSize(header.subarray(124, 136))
      const flag = String.fromCharCode(header[156] ?? 0)
      remaining = Math.ceil(size / BLOCK) * BLOCK
      if (flag === 'L' || flag === 'K' || flag === 'x') {
        collecting = { kind: flag, size, chunks: [] }
        continue
      }
      if (flag === 'g') continue
      entries.push(entryOf(header, flag, { name: pax.path ?? longName, link: pax.linkpath ?? longLink }))
      longName = undefined
      longLink = undefined
      pax = {}
    }
    if (ended) {
      stream.destroy()
      break
    }
  }
  if (!ended && (remaining > 0 || buffer.length > 0)) throw new Error(`${file} ends inside a tar member`)
  return entries
}

/** One member from its header; a long name or link given by an earlier record wins. */
function entryOf(header: Buffer, flag: string, given: { name?: string; link?: string }): TarEntry {
  const magic = header.subarray(257, 263).toString('latin1')
  const prefix = magic === 'ustar\0' ? cString(header.subarray(345, 500)) : ''
  const plain = cString(header.subarray(0, 100))
  const name = given.name ?? (prefix ? `${prefix}/${plain}` : plain)
  const linkname = given.link ?? cString(header.subarray(157, 257))
  return { name, type: typeOf(flag), ...(linkname ? { linkname } : {}) }
}

function typeOf(flag: string): TarEntry['type'] {
  if (flag === '0' || flag === '\0' || flag === '7') return 'file'
  if (flag === '5') return 'directory'
  if (flag === '2') return 'symlink'
  if (flag === '1') return 'hardlink'
  return 'other'
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0)
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8')
}

/** Octal, or GNU base-256 when the high bit of the first byte is set. */
function parseSize(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0)
    return value
  }
  const text = cString(field).trim()
  return text ? Number.parseInt(text, 8) : 0
}

/** pax records: "<length> <key>=<value>\n". */
function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {}
  let offset = 0
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset)
    if (space === -1) break
    const length = Number.parseInt(data.subarray(offset, space).toString('latin1'), 10)
    if (!Number.isFinite(length) || length <= 0) break
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8')
    const equals = record.indexOf('=')
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1)
    offset += length
  }
  return records
}
