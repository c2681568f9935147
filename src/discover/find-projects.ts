import * as path from 'node:path'
import type { ManagerName } from '../model/project.js'
import { relativePosix } from '../paths.js'
import { detectProject } from '../project/detect-project.js'
import { requirementsLock } from '../project/locks/requirements-lock.js'
import { folderPythonSources, selectingSource } from '../project/python-version-sources.js'
import { type LocalDependencies, localDependencies } from './local-dependencies.js'

/** A folder setup mode can install, as discovery found it. Paths relative to the repository root. */
export interface FoundProject {
  /** '.' for the repository root. */
  dir: string
  manager: ManagerName
  /** What the project pins (its first version source setup would choose from), or ''. */
  pythonVersion: string
  /** The lock file setup would follow, or ''. */
  lockFile: string
  /** A uv workspace member: the workspace root folder. */
  workspaceRoot?: string
  /** The [project] name: `uv sync --package` for a member. */
  name?: string
  /** Whether pyproject.toml has a [project] table (a uv workspace root without one is virtual). */
  hasProjectTable: boolean
  local: LocalDependencies
}

/** Files whose presence makes a folder a candidate; detectProject decides whether it is a project. */
const MARKER =
  /^(?:uv\.lock|poetry\.lock|pyproject\.toml|setup\.py|setup\.cfg|requirements.*\.txt|environment\.ya?ml|conda\.ya?ml)$/

/** Build output of a package (setuptools' build/, sdists unpacked in dist/) is not a project. */
const OUTPUT_FOLDERS = new Set(['build', 'dist'])
/** Sample projects a project's tests install are test data, not projects of the repository. */
const TEST_DATA_FOLDERS = new Set(['tests', 'test', 'testdata', 'test_data', 'fixtures', '__fixtures__'])

/** Candidate folders (relative to the listing's root, '.' for it) holding a marker file. */
export function candidateFolders(files: readonly string[]): string[] {
  const folders = new Set<string>()
  for (const file of files) {
    const slash = file.lastIndexOf('/')
    if (MARKER.test(file.slice(slash + 1))) folders.add(slash < 0 ? '.' : file.slice(0, slash))
  }
  return [...folders].filter((folder) => !belongsToAnother(folder, folders)).sort()
}

/** `pkg/build/lib`, `pkg/dist/pkg-1.0`, `pkg/tests/fixtures/sample`: output or test data of `pkg`. */
function belongsToAnother(folder: string, candidates: Set<string>): boolean {
  const parts = folder.split('/')
  const prefix = (length: number) => (length === 0 ? '.' : parts.slice(0, length).join('/'))
  return parts.some((part, index) => {
    if (OUTPUT_FOLDERS.has(part)) return candidates.has(prefix(index))
    if (!TEST_DATA_FOLDERS.has(part)) return false
    for (let length = index; length >= 0; length--) if (candidates.has(prefix(length))) return true
    return false
  })
}

/**
 * Runs setup mode's detection on each candidate folder (below `searchRoot`, inside `workspace`);
 * folders setup would find nothing to install in are left out. A broken project (two lock
 * files, a TOML syntax error) is the UserError setup mode would give.
 */
export function findProjects(
  workspace: string,
  searchRoot: string,
  folders: readonly string[],
): FoundProject[] {
  const found: FoundProject[] = []
  for (const folder of folders) {
    const absolute = path.resolve(searchRoot, folder)
    const project = detectProject({ root: absolute, workspace, choice: 'auto', requirements: [] })
    if (!project.hasSomethingToInstall) continue
    const { detection, pyproject, requirementsFiles } = project
    const lockPath = detection.lockPath
    const lockFile = lockPath
      ? relativePosix(workspace, lockPath)
      : (requirementsLock(requirementsFiles)?.file ?? '')
    const name = (pyproject.project as { name?: unknown } | undefined)?.name
    const isMember = detection.manager === 'uv' && detection.installRoot !== absolute
    found.push({
      dir: relativePosix(workspace, absolute) || '.',
      manager: detection.manager,
      pythonVersion: selectingSource(folderPythonSources(workspace, absolute))?.value ?? '',
      lockFile,
      workspaceRoot: isMember ? relativePosix(workspace, detection.installRoot) || '.' : undefined,
      name: typeof name === 'string' ? name : undefined,
      hasProjectTable: typeof pyproject.project === 'object',
      local: localDependencies(absolute, pyproject, requirementsFiles),
    })
  }
  return found
}
