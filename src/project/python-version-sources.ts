import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { isUserError, UserError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { PythonVersionSource, PythonVersionSourceKind } from '../model/project.js'
import { parseSpecOrThrow } from '../model/python-spec.js'
import { relativePosix } from '../paths.js'
import { parseCondaPython } from './python-version/conda-python.js'
import { parseDockerfilePython } from './python-version/dockerfile-python.js'
import type { FoundVersion } from './python-version/found-version.js'
import { parsePyprojectPython } from './python-version/pyproject-python.js'
import { parseRuntimeTxt } from './python-version/runtime-txt.js'
import { parseToolVersions } from './python-version/tool-versions.js'
import { parseWorkflowPython } from './python-version/workflow-python.js'
import { parsePythonVersionFile } from './python-version-file.js'
import { readTextFile } from './read-requirements-files.js'

const CONDA_FILES = ['environment.yml', 'environment.yaml', 'conda.yml', 'conda.yaml']

/**
 * Every place the project states its Python, in order of precedence (docs/python-version.md):
 * the first source with `usedForSelection` chooses; the rest are listed for the drift check.
 */
export function readPythonVersionSources(inputs: Inputs): PythonVersionSource[] {
  const reader = new SourceReader(inputs.workspace)
  if (inputs.pythonVersion) {
    const spec = parseSpecOrThrow(inputs.pythonVersion)
    reader.sources.push({
      value: inputs.pythonVersion,
      specifier: spec.specifiers.join(' || '),
      kind: 'input',
      usedForSelection: true,
    })
  }
  if (inputs.pythonVersionFile) {
    reader.readNamedFile(inputs.pythonVersionFile)
    // as actions/setup-python does: the input wins, and saying so beats a silent choice
    if (inputs.pythonVersion) {
      const file = relativePosix(inputs.workspace, inputs.pythonVersionFile)
      core.warning(
        `Both 'python-version' (${inputs.pythonVersion}) and 'python-version-file' (${file}) are set; python-version chooses the Python and ${file} is only compared with it. Remove one of the two inputs.`,
        { title: 'Two Python version inputs', file },
      )
    }
  }
  const dirs = readFolderSources(reader, inputs.workspace, inputs.workingDirectory)
  reader.readWorkflows(path.join(inputs.workspace, '.github', 'workflows'))
  for (const dir of dirs) reader.readDockerfiles(dir)
  return reader.sources
}

/**
 * The version files of a project folder (and the repository root) without the action's inputs,
 * workflows and Dockerfiles: what setup mode would choose from with no input, for discover mode.
 */
export function folderPythonSources(workspace: string, folder: string): PythonVersionSource[] {
  const reader = new SourceReader(workspace)
  readFolderSources(reader, workspace, folder)
  return reader.sources
}

/** Reads the folder's own version files in precedence order; returns the folders it looked in. */
function readFolderSources(reader: SourceReader, workspace: string, folder: string): string[] {
  const dirs = [...new Set([folder, workspace])]
  for (const dir of dirs)
    reader.readFile(path.join(dir, '.python-version'), 'python-version-file', parsePythonVersionFile)
  for (const dir of dirs)
    reader.readFile(path.join(dir, '.tool-versions'), 'tool-versions', parseToolVersions)
  reader.readFile(path.join(folder, 'runtime.txt'), 'runtime-txt', parseRuntimeTxt)
  for (const name of CONDA_FILES) reader.readFile(path.join(folder, name), 'conda', parseCondaPython)
  reader.readPyproject(path.join(folder, 'pyproject.toml'))
  return dirs
}

type Parser = (text: string, file: string) => FoundVersion | FoundVersion[] | undefined

class SourceReader {
  readonly sources: PythonVersionSource[] = []
  private readonly seen = new Set<string>()

  constructor(private readonly workspace: string) {}

  /** `python-version-file:` is read by its name's format; anything else as a .python-version. */
  readNamedFile(absolute: string): void {
    const file = relativePosix(this.workspace, absolute)
    if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
      throw new UserError({
        title: 'Python version file not found',
        message: `Input 'python-version-file' names ${file}, which does not exist.`,
        fix: 'Fix the path (it is relative to working-directory) or remove the input.',
      })
    }
    const name = path.basename(absolute)
    const before = this.sources.length
    if (name === 'pyproject.toml') this.readPyproject(absolute)
    else if (name === '.tool-versions') this.readFile(absolute, 'tool-versions', parseToolVersions)
    else if (name === 'runtime.txt') this.readFile(absolute, 'runtime-txt', parseRuntimeTxt)
    else if (/\.ya?ml$/.test(name)) this.readFile(absolute, 'conda', parseCondaPython)
    else this.readFile(absolute, 'python-version-file', parsePythonVersionFile)
    if (!this.sources.slice(before).some((source) => source.usedForSelection)) {
      throw new UserError({
        title: 'No Python version in file',
        message: `Input 'python-version-file' names ${file}, which states no Python version.`,
        file,
        line: 1,
        fix:
          name === 'pyproject.toml'
            ? 'Add e.g. requires-python = ">=3.11" to [project], or name another file.'
            : 'Add the version to the file, or name another file.',
      })
    }
  }

  readFile(absolute: string, kind: PythonVersionSourceKind, parse: Parser, usedForSelection = true): void {
    const text = usedForSelection ? this.read(absolute) : skipUnreadable(() => this.read(absolute))
    if (text === undefined) return
    const file = relativePosix(this.workspace, absolute)
    const found = parse(text, file)
    for (const version of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
      this.sources.push({ ...version, file, kind, usedForSelection })
    }
  }

  readPyproject(absolute: string): void {
    const text = this.read(absolute)
    if (text === undefined) return
    const file = relativePosix(this.workspace, absolute)
    for (const { kind, ...version } of parsePyprojectPython(text, file)) {
      const usedForSelection = kind === 'requires-python' || kind === 'poetry'
      this.sources.push({ ...version, file, kind, usedForSelection })
    }
  }

  readWorkflows(dir: string): void {
    for (const name of listDir(dir).filter((entry) => /\.ya?ml$/.test(entry))) {
      this.readFile(path.join(dir, name), 'workflow', parseWorkflowPython, false)
    }
  }

  readDockerfiles(dir: string): void {
    for (const name of listDir(dir).filter((entry) => /^Dockerfile(\..+)?$|\.Dockerfile$/i.test(entry))) {
      this.readFile(path.join(dir, name), 'dockerfile', parseDockerfilePython, false)
    }
  }

  /**
   * The file's text, once per path; undefined when there is no such file (or it is a folder).
   * A broken or looping link is read anyway, so readTextFile reports it instead of it being
   * taken for no file.
   */
  private read(absolute: string): string | undefined {
    const resolved = path.resolve(absolute)
    if (this.seen.has(resolved)) return undefined
    if (!fs.lstatSync(resolved, { throwIfNoEntry: false }) || isNotAFile(resolved)) return undefined
    this.seen.add(resolved)
    return readTextFile(resolved, relativePosix(this.workspace, resolved))
  }
}

/** A folder or a device is no version file; a link we cannot follow is left to readTextFile. */
function isNotAFile(file: string): boolean {
  try {
    return !fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * Workflows and Dockerfiles never choose the Python, so one we cannot read (not UTF-8, a link
 * loop) is skipped with a warning at the file rather than failing the job.
 */
function skipUnreadable(read: () => string | undefined): string | undefined {
  try {
    return read()
  } catch (error) {
    if (!isUserError(error)) throw error
    core.warning(`${error.message} It is skipped when comparing Python versions.`, {
      title: error.title,
      file: error.file,
    })
    return undefined
  }
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort()
  } catch {
    return []
  }
}

/** The source that chooses the Python: the first one in precedence order that may choose. */
export function selectingSource(sources: PythonVersionSource[]): PythonVersionSource | undefined {
  return sources.find((source) => source.usedForSelection)
}
