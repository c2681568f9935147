import { UserError } from '../errors.js'

/** The Rust target triple uv names its release archives after, and the archive extension. */
export function uvTarget(
  platform: NodeJS.Platform,
  arch: string,
): { target: string; extension: 'tar.gz' | 'zip' } {
  const cpu = ({ x64: 'x86_64', arm64: 'aarch64' } as Record<string, string>)[arch]
  const system = (
    { linux: 'unknown-linux-gnu', darwin: 'apple-darwin', win32: 'pc-windows-msvc' } as Record<string, string>
  )[platform]
  if (!cpu || !system) {
    throw new UserError({
      title: 'No uv release for this runner',
      message: `uv publishes no release archive for ${platform}/${arch}.`,
      fix: "Set 'uv-source: pypi' to install uv from its wheel instead.",
    })
  }
  return { target: `${cpu}-${system}`, extension: platform === 'win32' ? 'zip' : 'tar.gz' }
}

export const UV_RELEASES = 'https://github.com/astral-sh/uv/releases/download'

export function uvArchiveUrl(base: string, version: string, target: string, extension: string): string {
  return `${base.replace(/\/+$/, '')}/${version}/uv-${target}.${extension}`
}
