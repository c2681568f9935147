/**
 * What an actions/python-versions archive holds, read from its top-level names after unpacking
 * (docs/python-version.md has the table of which versions ship which):
 * - `tree`: the built Python itself plus `setup.sh` (Linux; macOS x64 before 3.11.0b1). It is
 *   renamed into the tool cache.
 * - `windows-installer`: the python.org installer (`python-X.Y.Z[-amd64|-arm64].exe`, `.msi`
 *   before 3.5) plus `setup.ps1`, which runs it with the tool cache folder as target.
 * - `macos-pkg`: the python.org `python-X.Y.Z-macos11.pkg` plus `setup.sh`, which installs it with
 *   `sudo installer -pkg … -target /` and links the framework into the tool cache (3.11.0b1 and
 *   later, and every arm64 build).
 */
export type ArchiveLayout =
  | { kind: 'tree' }
  | { kind: 'windows-installer'; installer: string; msi: boolean }
  | { kind: 'macos-pkg'; pkg: string }

export function archiveLayout(topLevelNames: readonly string[]): ArchiveLayout {
  const pkg = topLevelNames.find((name) => /^python-.*\.pkg$/i.test(name))
  if (pkg) return { kind: 'macos-pkg', pkg }
  if (topLevelNames.includes('setup.ps1')) {
    const installer = topLevelNames.find((name) => /^python-.*\.(exe|msi)$/i.test(name))
    if (installer) return { kind: 'windows-installer', installer, msi: /\.msi$/i.test(installer) }
  }
  return { kind: 'tree' }
}
