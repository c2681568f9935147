import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { Project } from '../model/project.js'
import { relativePosix } from '../paths.js'
import { declaredExtras } from './declared-extras.js'
import { detectProject } from './detect-project.js'
import { readLock } from './locks/read-lock.js'
import { requirementsLock } from './locks/requirements-lock.js'
import { readPythonVersionSources } from './python-version-sources.js'
import { readTestLayout } from './test-layout.js'

/** Parses a TOML file with user errors; kept here for the modules that import it from here. */
export { readToml } from './detect-project.js'

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
  const {
    pyproject,
    detection,
    requirementsFiles,
    installable: found,
    hasSomethingToInstall,
  } = detectProject({
    root,
    workspace: inputs.workspace,
    choice: inputs.manager,
    requirements: inputs.requirements,
  })
  const installable = found && { ...found, extras: declaredExtras(root, inputs.workspace, pyproject) }
  if (!hasSomethingToInstall) throw nothingToInstall(inputs)
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

const TEST_MARKERS = ['tests', 'test', 'conftest.py', 'pytest.ini']

function hasTests(root: string): boolean {
  if (TEST_MARKERS.some((name) => fs.existsSync(path.join(root, name)))) return true
  return fs.readdirSync(root).some((name) => /^test_.*\.py$|_test\.py$/.test(name))
}

/** The error for a folder where setup would find nothing to install, at pyproject.toml when there is one. */
function nothingToInstall(inputs: Inputs): UserError {
  const root = inputs.workingDirectory
  const pyprojectPath = path.join(root, 'pyproject.toml')
  if (fs.existsSync(pyprojectPath)) {
    const file = relativePosix(inputs.workspace, pyprojectPath)
    return new UserError({
      title: 'No Python project found',
      message: `${file} has neither a [project] nor a [build-system] table, and there is no requirements.txt, so there is nothing to install.`,
      file,
      line: 1,
      fix: "Add a [project] table (name, version, dependencies), commit a requirements.txt, or set 'manager:' to the tool the project uses.",
    })
  }
  return new UserError({
    title: 'No Python project found',
    message: `No requirements-lock.txt, requirements.txt, setup.py, setup.cfg or pyproject.toml in ${relativePosix(inputs.workspace, root) || 'the repository root'}.`,
    fix: "Set 'working-directory:' to the folder of your project, or name your files with 'requirements:'.",
  })
}
