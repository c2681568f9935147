import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import { relativePosix } from '../paths.js'
import { parsePythonVersionFile } from './python-version-file.js'
import { readTextFile } from './read-requirements-files.js'
import type { PythonVersionSource } from './types.js'

/**
 * Every place the project states its Python, most authoritative first: the input, then the
 * version file the user named, then `.python-version` in the project or at the repo root.
 */
export function readPythonVersionSources(inputs: Inputs): PythonVersionSource[] {
  const sources: PythonVersionSource[] = []
  if (inputs.pythonVersion) sources.push({ value: inputs.pythonVersion, kind: 'input' })
  const candidates = inputs.pythonVersionFile
    ? [inputs.pythonVersionFile]
    : uniquePaths([
        path.join(inputs.workingDirectory, '.python-version'),
        path.join(inputs.workspace, '.python-version'),
      ])
  for (const candidate of candidates) {
    const file = relativePosix(inputs.workspace, candidate)
    if (!fs.existsSync(candidate)) {
      if (candidate === inputs.pythonVersionFile) {
        throw new UserError({
          title: 'Python version file not found',
          message: `Input 'python-version-file' names ${file}, which does not exist.`,
          fix: 'Fix the path (it is relative to working-directory) or remove the input.',
        })
      }
      continue
    }
    const versions = parsePythonVersionFile(readTextFile(candidate, file))
    const first = versions[0]
    if (!first) {
      throw new UserError({
        title: 'Empty Python version file',
        message: `${file} names no Python version.`,
        file,
        line: 1,
        fix: `Write the version on the first line, e.g. 'echo 3.11 > ${file}'.`,
      })
    }
    sources.push({ value: first.value, file, line: first.line, kind: 'python-version-file' })
    break
  }
  return sources
}

function uniquePaths(paths: string[]): string[] {
  return [...new Set(paths)]
}
