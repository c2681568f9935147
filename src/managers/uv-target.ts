import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'

export type Libc = 'glibc' | 'musl'

/** CPU names as uv's target triples spell them, from the tool cache's or Node's arch name. */
const CPUS: Record<string, string> = {
  x64: 'x86_64',
  arm64: 'aarch64',
  x86: 'i686',
  ia32: 'i686',
  arm: 'armv7',
  ppc64: 'powerpc64le',
  s390x: 's390x',
  riscv64: 'riscv64gc',
}

/**
 * The targets uv publishes a release archive for (e.g. 0.11.12's assets). PyPI's uv wheels
 * (0.13.9's files) cover the same targets, so for a target missing here `uv-source: pypi` is no
 * way out either: it only helps where GitHub cannot be reached (docs/managers.md).
 */
const ARCHIVES = new Set([
  'x86_64-unknown-linux-gnu',
  'x86_64-unknown-linux-musl',
  'aarch64-unknown-linux-gnu',
  'aarch64-unknown-linux-musl',
  'i686-unknown-linux-gnu',
  'i686-unknown-linux-musl',
  'armv7-unknown-linux-gnueabihf',
  'armv7-unknown-linux-musleabihf',
  'powerpc64le-unknown-linux-gnu',
  's390x-unknown-linux-gnu',
  'riscv64gc-unknown-linux-gnu',
  'riscv64gc-unknown-linux-musl',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
  'x86_64-pc-windows-msvc',
  'i686-pc-windows-msvc',
  'aarch64-pc-windows-msvc',
])

/** The Rust target triple uv names its release archives after, and the archive extension. */
export function uvTarget(
  platform: NodeJS.Platform,
  arch: string,
  libc: Libc = 'glibc',
): { target: string; extension: 'tar.gz' | 'zip' } {
  const cpu = CPUS[arch] ?? arch
  const target = `${cpu}-${systemPart(platform, cpu, libc)}`
  if (!ARCHIVES.has(target)) {
    throw new UserError({
      title: 'No uv release for this runner',
      message: `uv publishes no release archive and no PyPI wheel for ${platform}/${arch}${platform === 'linux' ? ` (${libc})` : ''} (target ${target}).`,
      fix: "Run the job on a platform uv supports (Linux x86_64, aarch64, i686, armv7, riscv64 with glibc or musl; ppc64le and s390x with glibc; macOS; Windows), or set 'manager:' to pip.",
    })
  }
  return { target, extension: platform === 'win32' ? 'zip' : 'tar.gz' }
}

function systemPart(platform: NodeJS.Platform, cpu: string, libc: Libc): string {
  if (platform === 'darwin') return 'apple-darwin'
  if (platform === 'win32') return 'pc-windows-msvc'
  if (platform !== 'linux') return platform
  const abi = cpu === 'armv7' ? 'eabihf' : ''
  return `unknown-linux-${libc === 'musl' ? 'musl' : 'gnu'}${abi}`
}

/**
 * musl or glibc: Alpine's `/etc/alpine-release`, or a musl loader (`/lib/ld-musl-<arch>.so.1`),
 * which every musl system has and no glibc one does.
 */
export function detectLibc(root = '/'): Libc {
  if (fs.existsSync(path.join(root, 'etc', 'alpine-release'))) return 'musl'
  try {
    return fs.readdirSync(path.join(root, 'lib')).some((name) => name.startsWith('ld-musl-'))
      ? 'musl'
      : 'glibc'
  } catch {
    return 'glibc'
  }
}

export const UV_RELEASES = 'https://github.com/astral-sh/uv/releases/download'

export function uvArchiveUrl(base: string, version: string, target: string, extension: string): string {
  return `${base.replace(/\/+$/, '')}/${version}/uv-${target}.${extension}`
}
