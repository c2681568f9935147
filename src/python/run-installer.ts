import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../errors.js'
import { type CommandResult, runCommand } from '../exec.js'
import type { ArchiveLayout } from './archive-layout.js'
import {
  frameworkVersionDir,
  type InstallerCommand,
  macosPkgCommand,
  macosPkgLinks,
  windowsInstallCommand,
  windowsUninstallCommand,
} from './installer-commands.js'

/** The seams of an installer run: tests replace the command runner (Windows and macOS cannot run here). */
export interface InstallerDeps {
  run(command: InstallerCommand): Promise<CommandResult>
  /** Where macOS .pkg installs frameworks: /Library/Frameworks. */
  frameworksDir: string
}

export const DEFAULT_INSTALLER_DEPS: InstallerDeps = {
  run: (command) => runCommand(command.program, command.args, { cwd: command.cwd }),
  frameworksDir: '/Library/Frameworks',
}

export interface InstallerTarget {
  /** Where the archive was unpacked. */
  staging: string
  /** `<tool cache>/Python/<version>/<arch>`. */
  target: string
  version: string
  arch: string
}

type InstallerLayout = Exclude<ArchiveLayout, { kind: 'tree' }>

/** Runs the archive's own installer into the tool cache folder, as its setup script does. */
export async function runInstaller(
  layout: InstallerLayout,
  where: InstallerTarget,
  deps: InstallerDeps,
): Promise<void> {
  if (layout.kind === 'windows-installer') await runWindowsInstaller(layout, where, deps)
  else await runMacosPkg(layout.pkg, where, deps)
}

/** Best-effort undo after a failure: uninstall what a Windows installer registered. */
export async function undoInstaller(
  layout: InstallerLayout,
  where: InstallerTarget,
  deps: InstallerDeps,
): Promise<void> {
  if (layout.kind !== 'windows-installer') return
  const copy = path.join(where.target, layout.installer)
  if (!fs.existsSync(copy)) return
  await deps.run(windowsUninstallCommand(copy, layout.msi)).catch(() => undefined)
}

async function runWindowsInstaller(
  layout: { installer: string; msi: boolean },
  where: InstallerTarget,
  deps: InstallerDeps,
): Promise<void> {
  fs.mkdirSync(where.target, { recursive: true })
  const copy = path.join(where.target, layout.installer)
  fs.copyFileSync(path.join(where.staging, layout.installer), copy)
  const command = windowsInstallCommand(copy, where.target, layout.msi, where.arch.endsWith('-freethreaded'))
  core.info(`Running the Python ${where.version} installer into ${where.target}`)
  await mustSucceed(deps, command, `the Python ${where.version} installer (${layout.installer})`)
}

async function runMacosPkg(pkg: string, where: InstallerTarget, deps: InstallerDeps): Promise<void> {
  if (where.arch.endsWith('-freethreaded')) {
    throw new UserError({
      title: 'Free-threaded Python not installable here',
      message: `The free-threaded Python ${where.version} for macOS comes as a .pkg that installs a separate framework; setup-python-env does not install it yet.`,
      fix: 'Use the GIL build (drop the "t"), or a runner whose tool cache already has this free-threaded Python.',
    })
  }
  core.info(`Installing ${pkg} (sudo installer -pkg), then linking it into ${where.target}`)
  await mustSucceed(deps, macosPkgCommand(path.join(where.staging, pkg)), `sudo installer -pkg ${pkg}`)
  const framework = frameworkVersionDir(deps.frameworksDir, where.version)
  if (!fs.existsSync(path.join(framework, 'bin'))) {
    throw new Error(`the .pkg installed nothing at ${framework}`)
  }
  removeOtherPatchLinks(where, framework)
  fs.mkdirSync(where.target, { recursive: true })
  for (const [link, to] of macosPkgLinks(framework, where.version)) {
    const at = path.join(where.target, link)
    if (!fs.existsSync(at)) fs.symlinkSync(to, at)
  }
}

/**
 * The framework holds one patch release per minor version, so other tool cache entries of the
 * same X.Y linked to it would now run this one: setup.sh removes them, and so does this.
 */
function removeOtherPatchLinks(where: InstallerTarget, framework: string): void {
  const pythonDir = path.dirname(path.dirname(where.target))
  const [major, minor] = where.version.split('.')
  for (const version of fs.readdirSync(pythonDir)) {
    if (version === where.version || !version.startsWith(`${major}.${minor}.`)) continue
    const entry = path.join(pythonDir, version, where.arch)
    let linked: string | undefined
    try {
      linked = fs.readlinkSync(path.join(entry, 'bin'))
    } catch {
      continue
    }
    if (path.resolve(entry, linked) !== path.join(framework, 'bin')) continue
    core.info(`Removing ${entry}: it linked to the framework that now holds ${where.version}`)
    fs.rmSync(entry, { recursive: true, force: true })
    fs.rmSync(`${entry}.complete`, { force: true })
  }
}

async function mustSucceed(deps: InstallerDeps, command: InstallerCommand, what: string): Promise<void> {
  const result = await deps.run(command)
  if (result.exitCode === 0) return
  const said = `${result.stderr}\n${result.stdout}`.trim().split(/\r?\n/).slice(-2).join(' ')
  throw new Error(`${what} exited with code ${result.exitCode}${said ? `: ${said}` : ''}`)
}
