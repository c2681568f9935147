import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'

/**
 * A loopback python-versions mirror for tests and local runs: `versions-manifest.json`, archives
 * under `<tag>/<file>` with `hashes.sha256` (as a mirrored GitHub release), and faults to inject.
 * It listens on 127.0.0.1 only.
 */

export type MirrorFault =
  | { kind: 'status'; status: number }
  /** Destroy the socket before answering. */
  | { kind: 'reset' }
  /** Promise the full Content-Length, send half, close. */
  | { kind: 'truncate' }
  /** Wait this long before sending anything. */
  | { kind: 'slow'; delayMs: number }

export interface PythonMirror {
  /** Base URL to pass as `python-mirror`. */
  url: string
  /** Paths requested so far, e.g. '/3.11.7-1/python-3.11.7-linux-x64.tar.gz'. */
  requests: string[]
  /** Queue faults for a path: each request to it takes the next fault; then it is served normally. */
  inject(pathname: string, ...faults: MirrorFault[]): void
  /** Replace or add a file (e.g. a wrong hashes.sha256). */
  setFile(pathname: string, body: Buffer | string): void
  close(): Promise<void>
}

export async function startPythonMirror(files: Record<string, Buffer | string>): Promise<PythonMirror> {
  const content = new Map(Object.entries(files).map(([name, body]) => [name, Buffer.from(body)]))
  const faults = new Map<string, MirrorFault[]>()
  const requests: string[] = []
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    requests.push(pathname)
    const fault = faults.get(pathname)?.shift()
    const body = content.get(pathname)
    const send = () => {
      if (!body) {
        response.writeHead(404).end('not found')
        return
      }
      if (fault?.kind === 'truncate') {
        response.writeHead(200, { 'content-length': body.length })
        response.write(body.subarray(0, Math.floor(body.length / 2)))
        setTimeout(() => response.destroy(), 20)
        return
      }
      response.writeHead(200, { 'content-length': body.length }).end(body)
    }
    if (fault?.kind === 'status') response.writeHead(fault.status).end(`injected ${fault.status}`)
    else if (fault?.kind === 'reset') request.socket.destroy()
    else if (fault?.kind === 'slow') {
      const timer = setTimeout(send, fault.delayMs)
      response.on('close', () => clearTimeout(timer))
    } else send()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject(pathname, ...queued) {
      faults.set(pathname, [...(faults.get(pathname) ?? []), ...queued])
    },
    setFile(pathname, body) {
      content.set(pathname, Buffer.from(body))
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

export interface MirrorRelease {
  version: string
  /** A tar.gz laid out like an actions/python-versions archive (see buildPythonArchive). */
  archive: Buffer
  stable?: boolean
  /** How the checksum is published: the release's hashes.sha256 (default), `<file>.sha256`, or none. */
  checksum?: 'hashes' | 'sidecar' | 'none'
}

export interface MirrorLayout {
  files: Record<string, Buffer | string>
  /** Mirror paths of each version's archive, e.g. { '3.11.7': '/3.11.7-1/python-3.11.7-linux-x64.tar.gz' }. */
  archivePaths: Record<string, string>
}

/**
 * The files of a mirror holding these releases. The manifest keeps GitHub's release URLs, as a
 * copied manifest would: the action maps them onto the mirror, so nothing ever leaves 127.0.0.1.
 */
export function mirrorLayout(releases: MirrorRelease[], platform = 'linux', arch = 'x64'): MirrorLayout {
  const files: Record<string, Buffer | string> = {}
  const archivePaths: Record<string, string> = {}
  const manifest = releases.map((release) => {
    const tag = `${release.version}-${process.pid}`
    const filename = `python-${release.version}-${platform}-${arch}.tar.gz`
    const pathname = `/${tag}/${filename}`
    files[pathname] = release.archive
    archivePaths[release.version] = pathname
    const sha256 = createHash('sha256').update(release.archive).digest('hex')
    if ((release.checksum ?? 'hashes') === 'hashes')
      files[`/${tag}/hashes.sha256`] = `${sha256}  ${filename}\n`
    if (release.checksum === 'sidecar') files[`${pathname}.sha256`] = `${sha256}\n`
    return {
      version: release.version,
      stable: release.stable ?? true,
      release_url: `https://github.com/actions/python-versions/releases/tag/${tag}`,
      files: [
        {
          filename,
          arch,
          platform,
          download_url: `https://github.com/actions/python-versions/releases/download/${tag}/${filename}`,
        },
      ],
    }
  })
  files['/versions-manifest.json'] = JSON.stringify(manifest, null, 2)
  return { files, archivePaths }
}

/** What the test suite strips from a Python installation to keep the archive small. */
const EXCLUDES = [
  '__pycache__',
  '*.a',
  '*/site-packages/*',
  '*/test',
  '*/tests',
  '*/idlelib',
  '*/tkinter',
  '*/turtledemo',
  '*/lib2to3',
]

/**
 * Packs a Python installation (a `sys.base_prefix`) as an actions/python-versions archive: the
 * files at the top level plus a setup.sh that needs the network, which the action must not run.
 */
export function buildPythonArchive(prefix: string, version: string, outFile: string): void {
  const [major, minor] = version.split('.')
  const dotted = `python${major}.${minor}`
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-archive-'))
  try {
    fs.writeFileSync(
      path.join(staging, 'setup.sh'),
      '#!/bin/bash\nset -e\necho "would install into the tool cache"\n./python -m pip install --upgrade pip\n',
      { mode: 0o755 },
    )
    const members = ['lib', 'include'].filter((name) => fs.existsSync(path.join(prefix, name)))
    execFileSync('tar', [
      'czf',
      outFile,
      ...EXCLUDES.map((pattern) => `--exclude=${pattern}`),
      '-C',
      prefix,
      `bin/${dotted}`,
      ...members,
      '-C',
      staging,
      'setup.sh',
    ])
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

/** `tsx scripts/loopback/python-mirror.ts [python]`: serve this machine's Python until Ctrl-C. */
async function main(): Promise<void> {
  const python = process.argv[2] ?? 'python3'
  const probe = execFileSync(
    python,
    ['-c', 'import sys, platform; print(sys.base_prefix); print(platform.python_version())'],
    {
      cwd: os.tmpdir(),
    },
  )
    .toString()
    .trim()
    .split('\n')
  const [prefix, version] = [probe[0] ?? '', probe[1] ?? '']
  const archive = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-mirror-')), 'python.tar.gz')
  buildPythonArchive(prefix, version, archive)
  const mirror = await startPythonMirror(mirrorLayout([{ version, archive: fs.readFileSync(archive) }]).files)
  process.stdout.write(
    `Python ${version} mirror: ${mirror.url}\nnpm run local -- <project> --input python-mirror=${mirror.url} --input python-version=${version}\n`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await main()
}
