// A loopback download mirror for uv release archives, speaking what GitHub releases serve:
// GET <base>/<version>/uv-<target>.tar.gz and <same>.sha256 ("<hex>  uv-<target>.tar.gz").
// The archive is built at start from uv programs of the pinned uv wheel (.tools/venv/bin),
// laid out as the release is: uv-<target>/{uv,uvx}.
import { execFileSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'

export type UvMirrorFault = 'none' | 'bad-sha256' | 'server-error'
/** A fault for one archive request: a 500, the socket destroyed, or half the promised bytes. */
export type UvArchiveFault = 'server-error' | 'reset' | 'truncate'

export interface UvMirrorOptions {
  /** The version the archive is published under. */
  version: string
  /** Folder holding the uv and uvx programs to pack. */
  uvBinDir: string
  /** Rust target triple, e.g. x86_64-unknown-linux-gnu. */
  target: string
}

export interface UvMirror {
  /** Base URL for the `uv-mirror` input. */
  url: string
  /** Paths requested so far, in order. */
  requests: string[]
  fault: UvMirrorFault
  /** Faults for the next archive requests, one per request, before it is served normally. */
  archiveFaults: UvArchiveFault[]
  /** Serve other archive bytes (e.g. a hostile archive), with a matching .sha256. */
  setArchive(bytes: Buffer): void
  close(): Promise<void>
}

export async function startUvMirror(options: UvMirrorOptions): Promise<UvMirror> {
  const archiveName = `uv-${options.target}.tar.gz`
  let archive = buildArchive(options, archiveName)
  let sha256 = crypto.createHash('sha256').update(archive).digest('hex')
  const requests: string[] = []
  const mirror: UvMirror = {
    url: '',
    requests,
    fault: 'none',
    archiveFaults: [],
    setArchive(bytes) {
      archive = bytes
      sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
    },
    close: async () => undefined,
  }
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/'
    requests.push(url)
    if (mirror.fault === 'server-error') {
      response.writeHead(500).end('injected failure')
      return
    }
    if (url === `/${options.version}/${archiveName}`) {
      const fault = mirror.archiveFaults.shift()
      if (fault === 'server-error') {
        response.writeHead(500).end('injected failure')
        return
      }
      if (fault === 'reset') {
        request.socket.destroy()
        return
      }
      if (fault === 'truncate') {
        response.writeHead(200, { 'content-length': archive.length })
        response.write(archive.subarray(0, Math.floor(archive.length / 2)), () => response.destroy())
        return
      }
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': archive.length,
      })
      response.end(archive)
    } else if (url === `/${options.version}/${archiveName}.sha256`) {
      const digest = mirror.fault === 'bad-sha256' ? '0'.repeat(64) : sha256
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`${digest}  ${archiveName}\n`)
    } else {
      response.writeHead(404).end('Not Found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  mirror.url = `http://127.0.0.1:${port}`
  mirror.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return mirror
}

function buildArchive(options: UvMirrorOptions, archiveName: string): Buffer {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'uv-mirror-'))
  try {
    const folder = path.join(temp, `uv-${options.target}`)
    fs.mkdirSync(folder)
    for (const name of ['uv', 'uvx'])
      fs.copyFileSync(path.join(options.uvBinDir, name), path.join(folder, name))
    execFileSync('tar', ['-czf', path.join(temp, archiveName), '-C', temp, `uv-${options.target}`])
    return fs.readFileSync(path.join(temp, archiveName))
  } finally {
    fs.rmSync(temp, { recursive: true, force: true })
  }
}

/** The target triple of this machine, as uv names its archives. */
export function hostUvTarget(): string {
  const cpu = process.arch === 'arm64' ? 'aarch64' : 'x86_64'
  return process.platform === 'darwin' ? `${cpu}-apple-darwin` : `${cpu}-unknown-linux-gnu`
}

/** `npm run mirror:uv`: serves the pinned uv until interrupted, for `npm run local -- … --input uv-mirror=URL`. */
async function main(): Promise<void> {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
  const pins = JSON.parse(fs.readFileSync(path.join(root, 'python-tools.json'), 'utf8')) as {
    packages: { uv: string }
  }
  const mirror = await startUvMirror({
    version: pins.packages.uv,
    uvBinDir: path.join(root, '.tools', 'venv', 'bin'),
    target: hostUvTarget(),
  })
  console.log(
    `uv ${pins.packages.uv} mirror: ${mirror.url}  (use --input uv-mirror=${mirror.url}; Ctrl-C stops it)`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  void main()
}
