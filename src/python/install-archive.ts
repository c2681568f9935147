import * as fs from 'node:fs'
import * as path from 'node:path'
import * as tc from '@actions/tool-cache'
import { assertSafeTarGz } from '../archive/safe-archive.js'
import { type ArchiveLayout, archiveLayout } from './archive-layout.js'
import { type InterpreterInfo, probeInterpreter } from './interpreter.js'
import { DEFAULT_INSTALLER_DEPS, type InstallerDeps, runInstaller, undoInstaller } from './run-installer.js'
import { pythonExecutableIn } from './tool-cache-pythons.js'

/**
 * Lays a python-versions archive out in the tool cache as `Python/<version>/<arch>` plus the
 * `<arch>.complete` marker. A built tree (Linux, older macOS) is unpacked next to the target and
 * renamed into place, like the archive's own setup.sh but without its `pip install --upgrade pip`
 * (which needs the network); a Windows installer or a macOS .pkg is run into the target as the
 * archive's setup script runs it (run-installer.ts). The interpreter is started once and the
 * marker written last: a failure leaves nothing behind (a Windows install is uninstalled). An
 * archive with a member that would land outside the target is refused before extraction.
 */
export async function installArchive(
  archive: string,
  toolCacheDir: string,
  version: string,
  arch: string,
  platform: NodeJS.Platform,
  deps: InstallArchiveDeps = DEFAULT_DEPS,
): Promise<string> {
  const versionDir = path.join(toolCacheDir, 'Python', version)
  const target = path.join(versionDir, arch)
  const marker = `${target}.complete`
  fs.mkdirSync(versionDir, { recursive: true })
  removeStaleStaging(versionDir, arch)
  const staging = fs.mkdtempSync(path.join(versionDir, `.${arch}-partial-`))
  let layout: ArchiveLayout = { kind: 'tree' }
  let placed = false
  try {
    if (archive.endsWith('.zip')) await tc.extractZip(archive, staging)
    else {
      // refused on the member names, before tar writes anything
      await assertSafeTarGz(archive)
      await tc.extractTar(archive, staging)
    }
    layout = archiveLayout(fs.readdirSync(staging))
    if (fs.existsSync(marker)) {
      // Another job on this self-hosted runner finished the same version meanwhile: use theirs.
      fs.rmSync(staging, { recursive: true, force: true })
      return target
    }
    fs.rmSync(target, { recursive: true, force: true })
    placed = true
    if (layout.kind === 'tree') placeTree(staging, target, version, platform)
    else await runInstaller(layout, { staging, target, version, arch }, deps)
    const info = await deps.probe(pythonExecutableIn(target, platform))
    if (!info) throw new Error(`the unpacked Python at ${target} does not run`)
    if (!sameRelease(info.version, version)) {
      throw new Error(`the archive for ${version} holds Python ${info.version}`)
    }
    // the installer's copy stays until here: a failure above uninstalls with it
    if (layout.kind === 'windows-installer') fs.rmSync(path.join(target, layout.installer), { force: true })
    fs.writeFileSync(marker, '')
    return target
  } catch (error) {
    if (placed && layout.kind !== 'tree')
      await undoInstaller(layout, { staging, target, version, arch }, deps)
    if (placed) fs.rmSync(target, { recursive: true, force: true })
    fs.rmSync(marker, { force: true })
    throw error
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
    removeEmptyDir(versionDir)
  }
}

export interface InstallArchiveDeps extends InstallerDeps {
  probe(executable: string): Promise<InterpreterInfo | undefined>
}

const DEFAULT_DEPS: InstallArchiveDeps = { ...DEFAULT_INSTALLER_DEPS, probe: (exe) => probeInterpreter(exe) }

/** The built tree: setup scripts dropped, the version links added, renamed into place. */
function placeTree(staging: string, target: string, version: string, platform: NodeJS.Platform): void {
  for (const script of ['setup.sh', 'setup.ps1']) fs.rmSync(path.join(staging, script), { force: true })
  if (platform !== 'win32') addVersionLinks(staging, version)
  fs.renameSync(staging, target)
}

/** The names setup.sh adds: `python` at the root and `bin/python`, `bin/python3NN`. */
function addVersionLinks(prefix: string, version: string): void {
  const [major, minor] = version.split('.')
  const dotted = `python${major}.${minor}`
  const bin = path.join(prefix, 'bin')
  if (!fs.existsSync(path.join(bin, dotted))) return
  const links: [string, string][] = [
    [path.join(prefix, 'python'), `./bin/${dotted}`],
    [path.join(bin, `python${major}${minor}`), dotted],
    [path.join(bin, 'python'), dotted],
    [path.join(bin, `python${major}`), dotted],
  ]
  for (const [link, to] of links) if (!fs.existsSync(link)) fs.symlinkSync(to, link)
}

/** '3.13.0-rc.3' (manifest) and '3.13.0rc3' (platform.python_version()) are the same release. */
function sameRelease(probed: string, manifest: string): boolean {
  const normal = (v: string) => v.replace(/[-.]?(a|b|rc)\.?/, '$1').replace(/-/g, '')
  return normal(probed) === normal(manifest)
}

/** A job killed mid-extraction leaves its staging folder; one an hour old is nobody's anymore. */
const STALE_STAGING_MS = 60 * 60 * 1000

function removeStaleStaging(versionDir: string, arch: string): void {
  for (const name of fs.readdirSync(versionDir)) {
    if (!name.startsWith(`.${arch}-partial-`)) continue
    const folder = path.join(versionDir, name)
    try {
      if (Date.now() - fs.statSync(folder).mtimeMs > STALE_STAGING_MS)
        fs.rmSync(folder, { recursive: true, force: true })
    } catch {
      // another job removed it meanwhile
    }
  }
}

function removeEmptyDir(dir: string): void {
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir)
  } catch {
    // already gone
  }
}
