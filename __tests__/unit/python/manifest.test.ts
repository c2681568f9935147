import { describe, expect, it } from '@jest/globals'
import { parsePythonSpec } from '../../../src/model/python-spec.js'
import {
  archiveUrl,
  type ManifestRelease,
  manifestVersions,
  pickFromManifest,
} from '../../../src/python/manifest.js'

const gh = 'https://github.com/actions/python-versions/releases/download'
const release = (
  version: string,
  stable = true,
  extra: Partial<ManifestRelease['files'][number]>[] = [{}],
) => ({
  version,
  stable,
  files: extra.map((file) => ({
    filename: `python-${version}-linux-x64.tar.gz`,
    arch: 'x64',
    platform: 'linux',
    download_url: `${gh}/${version}-1/python-${version}-linux-x64.tar.gz`,
    ...file,
  })),
})
const manifest: ManifestRelease[] = [
  release('3.14.0-rc.1', false),
  release('3.13.0', true, [{ arch: 'x64-freethreaded', filename: 'ft.tar.gz' }, {}]),
  release('3.12.1', true, [
    { platform_version: '22.04', filename: 'u22.tar.gz' },
    { platform_version: '24.04', filename: 'u24.tar.gz' },
  ]),
  release('3.11.7'),
  release('3.11.6'),
  release('3.10.13', true, [{ platform: 'darwin' }]),
]
const linux = { platform: 'linux', arch: 'x64', osVersion: '24.04' }

describe('pickFromManifest', () => {
  it.each([
    ['3.11', linux, false, '3.11.7', 'python-3.11.7-linux-x64.tar.gz'],
    ['>=3.10,<3.13', linux, false, '3.12.1', 'u24.tar.gz'],
    ['>=3.10,<3.13', { ...linux, osVersion: '12' }, false, '3.11.7', 'python-3.11.7-linux-x64.tar.gz'],
    ['>=3.13', linux, false, '3.13.0', 'python-3.13.0-linux-x64.tar.gz'],
    ['>=3.13', linux, true, '3.14.0-rc.1', 'python-3.14.0-rc.1-linux-x64.tar.gz'],
    ['3.13t', { ...linux, arch: 'x64-freethreaded' }, false, '3.13.0', 'ft.tar.gz'],
    ['3.10', linux, false, undefined, undefined],
    ['3.99', linux, false, undefined, undefined],
  ])('%s on %j (pre-releases %s) → %s %s', (text, platform, pre, version, filename) => {
    const spec = parsePythonSpec(text)
    if (!spec) throw new Error(text)
    const match = pickFromManifest(manifest, spec, platform, pre)
    expect(match?.version).toBe(version)
    expect(match?.file.filename).toBe(filename)
  })

  it('lists the versions it has for a platform', () => {
    expect(manifestVersions(manifest, linux)).toEqual(['3.14.0-rc.1', '3.13.0', '3.12.1', '3.11.7', '3.11.6'])
  })
})

describe('archiveUrl', () => {
  const file = release('3.11.7').files[0]
  if (!file) throw new Error('no file')
  it('maps GitHub release URLs onto a mirror as <tag>/<file>', () => {
    expect(archiveUrl(file, 'http://127.0.0.1:9/py')).toBe(
      'http://127.0.0.1:9/py/3.11.7-1/python-3.11.7-linux-x64.tar.gz',
    )
  })
  it('keeps them without a mirror', () => {
    expect(archiveUrl(file, undefined)).toBe(file.download_url)
  })
  it('resolves relative URLs against the manifest', () => {
    expect(archiveUrl({ ...file, download_url: 'files/p.tgz' }, 'http://127.0.0.1:9/py')).toBe(
      'http://127.0.0.1:9/py/files/p.tgz',
    )
  })
})
