import * as fs from 'node:fs'
import * as path from 'node:path'
import * as tc from '@actions/tool-cache'
import { assertSafeTarGz } from '../archive/safe-archive.js'
import { probeInterpreter } from './interpreter.js'
import { pythonExecutableIn } from './tool-cache-pythons.js'

/**
 * Lays a python-versions archive out in the tool cache as `Python/<version>/<arch>` plus the
 * `<arch>.complete` marker, like the archive's own setup.sh but without its `pip install
 * --upgrade pip` (which needs the network). The files are unpacked next to the target and
 * renamed into place, and the marker is written last: a failure leaves nothing behind. An
 * archive with a member that would land outside the target is refused before extraction.
 */
export async function installArchive(
  archive: string,
  toolCacheDir: string,
  version: string,
  arch: string,
  platform: NodeJS.Platform,
): Promise<string> {
  const versionDir = path.join(toolCacheDir, 'Python', version)
  const target = path.join(versionDir, arch)
  const marker = `${target}.complete`
  fs.mkdirSync(versionDir, { recursive: true })
  removeStaleStaging(versionDir, arch)
  const staging = fs.mkdtempSync(path.join(versionDir, `.${arch}-partial-`))
  let moved = false
  try {
    if (archive.endsWith('.zip')) await tc.extractZip(archive, staging)
    else {
      // refused on the member names, before tar writes anything
      await assertSafeTarGz(archive)
      await tc.extractTar(archive, staging)
    }
    for (const script of ['setup.sh', 'setup.ps1']) fs.rmSync(path.join(staging, script), { force: true })
    if (platform !== 'win32') addVersionLinks(staging, version)
    if (fs.existsSync(marker)) {
      // Another job on this self-hosted runner finished the same version meanwhile: use theirs.
      fs.rmSync(staging, { recursive: true, force: true })
      return target
    }
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(staging, target)
    moved = true
    const info = await probeInterpreter(pythonExecutableIn(target, platform))
    if (!info) throw new Error(`the unpacked Python at ${target} does not run`)
    if (!sameRelease(info.version, version)) {
      throw new Error(`the archive for ${version} holds Python ${info.version}`)
    }
    fs.writeFileSync(marker, '')
    removeEmptyDir(versionDir)
    return target
  } catch (error) {
    fs.rmSync(moved ? target : staging, { recursive: true, force: true })
    fs.rmSync(marker, { force: true })
    removeEmptyDir(versionDir)
    throw error
  }
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
