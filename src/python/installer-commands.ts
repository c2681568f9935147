import * as path from 'node:path'

/** One program run, as the code will run it (argv, never a shell): what the unit tests compare. */
export interface InstallerCommand {
  program: string
  args: string[]
  cwd?: string
}

/**
 * The python.org Windows installer, run the way the archive's setup.ps1 runs it: from a copy in
 * the tool cache folder, installing for all users into that same folder, quietly. The `.exe`
 * (3.5+) takes `DefaultAllUsersTargetDir`/`InstallAllUsers`; the old `.msi` `TARGETDIR`/`ALLUSERS`
 * through msiexec (setup.ps1 `call`s it, which opens it with msiexec). Free-threaded folders
 * also ask for the free-threaded binaries (`Include_freethreaded=1`, 3.13+).
 */
export function windowsInstallCommand(
  installerInTarget: string,
  target: string,
  msi: boolean,
  freeThreaded: boolean,
): InstallerCommand {
  if (msi) {
    return {
      program: 'msiexec.exe',
      args: ['/i', installerInTarget, `TARGETDIR=${target}`, 'ALLUSERS=1', '/quiet'],
      cwd: target,
    }
  }
  return {
    program: installerInTarget,
    args: [
      `DefaultAllUsersTargetDir=${target}`,
      'InstallAllUsers=1',
      ...(freeThreaded ? ['Include_freethreaded=1'] : []),
      '/quiet',
    ],
    cwd: target,
  }
}

/** Undoes a Windows install that failed half-way (best effort; the registry entries go too). */
export function windowsUninstallCommand(installerInTarget: string, msi: boolean): InstallerCommand {
  return msi
    ? { program: 'msiexec.exe', args: ['/x', installerInTarget, '/quiet'] }
    : { program: installerInTarget, args: ['/uninstall', '/quiet'] }
}

/**
 * The macOS `.pkg`, as setup.sh installs it: `sudo installer -pkg <pkg> -target /`. `-n` makes
 * sudo fail at once instead of waiting for a password on a runner without passwordless sudo
 * (GitHub-hosted macOS runners have it).
 */
export function macosPkgCommand(pkgPath: string): InstallerCommand {
  return { program: 'sudo', args: ['-n', 'installer', '-pkg', pkgPath, '-target', '/'] }
}

/** Where the .pkg puts Python X.Y: `/Library/Frameworks/Python.framework/Versions/X.Y`. */
export function frameworkVersionDir(frameworksDir: string, version: string): string {
  const [major, minor] = version.split('.')
  return path.posix.join(frameworksDir, 'Python.framework', 'Versions', `${major}.${minor}`)
}

/**
 * The links setup.sh makes in the tool cache folder after the .pkg install: `bin`, `include`,
 * `share`, `lib` pointing into the framework, and `python` → `./bin/pythonX.Y`; inside `bin/`
 * (the framework's), `pythonXY` and `python` → `pythonX.Y` when missing. [link, target] pairs,
 * relative to the tool cache folder.
 */
export function macosPkgLinks(frameworkDir: string, version: string): [string, string][] {
  const [major, minor] = version.split('.')
  const dotted = `python${major}.${minor}`
  return [
    ...['bin', 'include', 'share', 'lib'].map((name): [string, string] => [
      name,
      path.posix.join(frameworkDir, name),
    ]),
    ['python', `./bin/${dotted}`],
    [`bin/python${major}${minor}`, dotted],
    ['bin/python', dotted],
  ]
}
