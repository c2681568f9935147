import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { InstallableProject, Project, RequirementsFile } from '../model/project.js'
import { relativePosix } from '../paths.js'
import { declaredExtras } from './declared-extras.js'
import { detectManager } from './detect-manager.js'
import { readLock } from './locks/read-lock.js'
import { requirementsLock } from './locks/requirements-lock.js'
import { parseTomlText } from './python-version/toml-text.js'
import { readPythonVersionSources } from './python-version-sources.js'
import { readRequirementsFile, readTextFile } from './read-requirements-files.js'
import { readTestLayout } from './test-layout.js'

/** Reads the user's project directory into a typed Project. Only reads files. */
export function readProject(inputs: Inputs): Project {
  const root = inputs.workingDirectory
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new UserError({
      title: 'Working directory not found',
      message: `Input 'working-directory' is ${relativePosix(inputs.workspace, root) || '.'}, which is not a directory in the repository.`,
      fix: 'Fix the path (it is relative to the repository root) or check out the repository first with actions/checkout.',
    })
  }
  const pyprojectPath = path.join(root, 'pyproject.toml')
  // lstat, not exists: a looping or broken link is reported by readToml, not taken for no file
  const pyproject = fs.lstatSync(pyprojectPath, { throwIfNoEntry: false })
    ? readToml(pyprojectPath, relativePosix(inputs.workspace, pyprojectPath))
    : {}
  const detection = detectManager({
    root,
    workspace: inputs.workspace,
    choice: inputs.manager,
    pyproject,
    readToml: (file) => readToml(file, relativePosix(inputs.workspace, file)),
  })
  const usesPip = detection.manager === 'pip' || detection.condaInner === 'pip'
  const requirementsFiles = usesPip ? findRequirementsFiles(inputs) : []
  const found = findInstallable(root, inputs.workspace)
  const installable = found && { ...found, extras: declaredExtras(root, inputs.workspace, pyproject) }
  if (detection.manager === 'pip' && requirementsFiles.length === 0 && !installable) {
    if (fs.existsSync(pyprojectPath)) {
      const file = relativePosix(inputs.workspace, pyprojectPath)
      throw new UserError({
        title: 'No Python project found',
        message: `${file} has neither a [project] nor a [build-system] table, and there is no requirements.txt, so there is nothing to install.`,
        file,
        line: 1,
        fix: "Add a [project] table (name, version, dependencies), commit a requirements.txt, or set 'manager:' to the tool the project uses.",
      })
    }
    throw new UserError({
      title: 'No Python project found',
      message: `No requirements-lock.txt, requirements.txt, setup.py, setup.cfg or pyproject.toml in ${relativePosix(inputs.workspace, root) || 'the repository root'}.`,
      fix: "Set 'working-directory:' to the folder of your project, or name your files with 'requirements:'.",
    })
  }
  return {
    workspace: inputs.workspace,
    root,
    manager: detection.manager,
    managerReason: detection.reason,
    installRoot: detection.installRoot,
    lockPath: detection.lockPath,
    lock: readLock(detection.lockPath, inputs.workspace) ?? requirementsLock(requirementsFiles),
    condaFile: detection.condaFile,
    condaInner: detection.condaInner,
    pyproject,
    findings: detection.findings,
    requirementsFiles,
    installable,
    pythonVersionSources: readPythonVersionSources(inputs),
    hasTests: hasTests(root),
    tests: inputs.smokeTest.kind === 'auto' ? readTestLayout(root, inputs.workspace, pyproject) : undefined,
  }
}

/** `requirements-lock.txt` (a full freeze) is preferred over `requirements.txt`. */
const DEFAULT_REQUIREMENTS = ['requirements-lock.txt', 'requirements.txt']

function findRequirementsFiles(inputs: Inputs): RequirementsFile[] {
  if (inputs.requirements.length > 0) {
    return inputs.requirements.map((name) => {
      const absolute = path.resolve(inputs.workingDirectory, name)
      if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
        throw new UserError({
          title: 'Requirements file not found',
          message: `Input 'requirements' names ${relativePosix(inputs.workspace, absolute)}, which does not exist.`,
          fix: 'Fix the file name (it is relative to working-directory) or remove it from the input.',
        })
      }
      return readRequirementsFile(absolute, inputs.workspace)
    })
  }
  for (const name of DEFAULT_REQUIREMENTS) {
    const absolute = path.join(inputs.workingDirectory, name)
    // lstat, not exists: a broken or looping link must be reported, not silently skipped.
    if (fs.lstatSync(absolute, { throwIfNoEntry: false }))
      return [readRequirementsFile(absolute, inputs.workspace)]
  }
  return []
}

function findInstallable(root: string, workspace: string): InstallableProject | undefined {
  for (const kind of ['setup.py', 'setup.cfg'] as const) {
    if (fs.existsSync(path.join(root, kind)))
      return { kind, file: relativePosix(workspace, path.join(root, kind)) }
  }
  const pyprojectPath = path.join(root, 'pyproject.toml')
  if (!fs.existsSync(pyprojectPath)) return undefined
  const file = relativePosix(workspace, pyprojectPath)
  const pyproject = readToml(pyprojectPath, file)
  if ('build-system' in pyproject || 'project' in pyproject) return { kind: 'pyproject.toml', file }
  return undefined
}

/** Parses a TOML file; a syntax error becomes a UserError at the file and line. */
export function readToml(absolutePath: string, file: string): Record<string, unknown> {
  return parseTomlText(readTextFile(absolutePath, file), file)
}

const TEST_MARKERS = ['tests', 'test', 'conftest.py', 'pytest.ini']

function hasTests(root: string): boolean {
  if (TEST_MARKERS.some((name) => fs.existsSync(path.join(root, name)))) return true
  return fs.readdirSync(root).some((name) => /^test_.*\.py$|_test\.py$/.test(name))
}
