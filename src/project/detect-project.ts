import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { ManagerChoice } from '../inputs.js'
import type { InstallableProject, RequirementsFile } from '../model/project.js'
import { relativePosix } from '../paths.js'
import { detectManager, type ManagerDetection } from './detect-manager.js'
import { parseTomlText } from './python-version/toml-text.js'
import { readRequirementsFile, readTextFile } from './read-requirements-files.js'

/**
 * What a folder is, as setup mode sees it: the manager, the requirements files pip would
 * install and the local package. Setup mode (read-project.ts) and discover mode (src/discover/)
 * both decide with this one function, so a folder discover lists is one setup can install.
 */
export interface FolderProject {
  /** Parsed pyproject.toml of the folder ({} when absent). */
  pyproject: Record<string, unknown>
  detection: ManagerDetection
  requirementsFiles: RequirementsFile[]
  installable?: InstallableProject
  /** False when setup would find nothing to install (pip, no requirements file, no package). */
  hasSomethingToInstall: boolean
}

export interface DetectProjectOptions {
  root: string
  workspace: string
  choice: ManagerChoice
  /** The `requirements` input (relative to root); empty: requirements-lock.txt, else requirements.txt. */
  requirements: readonly string[]
}

export function detectProject(options: DetectProjectOptions): FolderProject {
  const { root, workspace } = options
  const pyprojectPath = path.join(root, 'pyproject.toml')
  // lstat, not exists: a looping or broken link is reported by readToml, not taken for no file
  const pyproject = fs.lstatSync(pyprojectPath, { throwIfNoEntry: false })
    ? readToml(pyprojectPath, relativePosix(workspace, pyprojectPath))
    : {}
  const detection = detectManager({
    root,
    workspace,
    choice: options.choice,
    pyproject,
    readToml: (file) => readToml(file, relativePosix(workspace, file)),
  })
  const usesPip = detection.manager === 'pip' || detection.condaInner === 'pip'
  const requirementsFiles = usesPip ? findRequirementsFiles(root, workspace, options.requirements) : []
  const installable = findInstallable(root, workspace, pyproject)
  const hasSomethingToInstall = !(
    detection.manager === 'pip' &&
    requirementsFiles.length === 0 &&
    !installable
  )
  return { pyproject, detection, requirementsFiles, installable, hasSomethingToInstall }
}

/** `requirements-lock.txt` (a full freeze) is preferred over `requirements.txt`. */
const DEFAULT_REQUIREMENTS = ['requirements-lock.txt', 'requirements.txt']

function findRequirementsFiles(
  root: string,
  workspace: string,
  requested: readonly string[],
): RequirementsFile[] {
  if (requested.length > 0) {
    return requested.map((name) => {
      const absolute = path.resolve(root, name)
      if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
        throw new UserError({
          title: 'Requirements file not found',
          message: `Input 'requirements' names ${relativePosix(workspace, absolute)}, which does not exist.`,
          fix: 'Fix the file name (it is relative to working-directory) or remove it from the input.',
        })
      }
      return readRequirementsFile(absolute, workspace)
    })
  }
  for (const name of DEFAULT_REQUIREMENTS) {
    const absolute = path.join(root, name)
    // lstat, not exists: a broken or looping link must be reported, not silently skipped.
    if (fs.lstatSync(absolute, { throwIfNoEntry: false })) return [readRequirementsFile(absolute, workspace)]
  }
  return []
}

function findInstallable(
  root: string,
  workspace: string,
  pyproject: Record<string, unknown>,
): InstallableProject | undefined {
  for (const kind of ['setup.py', 'setup.cfg'] as const) {
    const file = path.join(root, kind)
    if (fs.existsSync(file) && (kind === 'setup.py' || declaresPackage(file)))
      return { kind, file: relativePosix(workspace, file) }
  }
  const pyprojectPath = path.join(root, 'pyproject.toml')
  if (!fs.existsSync(pyprojectPath)) return undefined
  if ('build-system' in pyproject || 'project' in pyproject)
    return { kind: 'pyproject.toml', file: relativePosix(workspace, pyprojectPath) }
  return undefined
}

/**
 * A setup.cfg that only configures tools (flake8, isort, pytest) installs nothing: a package
 * has [metadata] or [options].
 */
function declaresPackage(setupCfg: string): boolean {
  try {
    return /^\s*\[(?:metadata|options)\]/m.test(fs.readFileSync(setupCfg, 'utf8'))
  } catch {
    return true
  }
}

/** Parses a TOML file; a syntax error becomes a UserError at the file and line. */
export function readToml(absolutePath: string, file: string): Record<string, unknown> {
  return parseTomlText(readTextFile(absolutePath, file), file)
}
