import * as fs from 'node:fs'
import * as path from 'node:path'
import { satisfies, valid } from '@renovatebot/pep440'
import { UserError } from '../errors.js'
import { relativePosix } from '../paths.js'
import { asRecord, asString } from '../project/locks/toml-tables.js'
import { findTomlKey } from '../project/python-version/toml-text.js'
import { readToml } from '../project/read-project.js'

/** The uv this action installs when neither the input nor the project names one. */
export const DEFAULT_UV_VERSION = '0.13.9'

export interface ToolVersionChoice {
  version: string
  /** Where it came from, for the log. */
  source: string
}

/** uv-version input, else `required-version` (uv.toml, then [tool.uv]), else the default. */
export function resolveUvVersion(
  input: string | undefined,
  installRoot: string,
  workspace: string,
): ToolVersionChoice {
  if (input) return { version: input, source: "input 'uv-version'" }
  const uvToml = path.join(installRoot, 'uv.toml')
  const pyproject = path.join(installRoot, 'pyproject.toml')
  for (const [file, pick] of [
    [uvToml, (data: Record<string, unknown>) => data['required-version']],
    [pyproject, (data: Record<string, unknown>) => asRecord(asRecord(data.tool)?.uv)?.['required-version']],
  ] as const) {
    if (!fs.existsSync(file)) continue
    const shown = relativePosix(workspace, file)
    const value = pick(readToml(file, shown))
    if (value === undefined) continue
    const table = file === uvToml ? '' : 'tool.uv'
    const line = findTomlKey(fs.readFileSync(file, 'utf8'), table, 'required-version')?.line
    const required = asString(value)
    if (required === undefined) {
      throw new UserError({
        title: 'Invalid required-version',
        message: `${shown}${line ? `:${line}` : ''}: required-version must be a string such as ">=0.13".`,
        file: shown,
        line,
        fix: 'Quote it: required-version = ">=0.13".',
      })
    }
    if (required) return versionForRequirement(required, shown, line)
  }
  return { version: DEFAULT_UV_VERSION, source: 'the default pinned in setup-python-env' }
}

/** An exact `required-version` is used as is; a range uses the default when it fits. */
export function versionForRequirement(required: string, file: string, line?: number): ToolVersionChoice {
  const exact = /^\s*={0,2}\s*([0-9][^\s,<>=!~]*)\s*$/.exec(required)?.[1]
  if (exact && valid(exact)) return { version: exact, source: `required-version in ${file}` }
  if (satisfies(DEFAULT_UV_VERSION, required)) {
    return {
      version: DEFAULT_UV_VERSION,
      source: `the default, which fits required-version '${required}' in ${file}`,
    }
  }
  throw new UserError({
    title: 'uv version not pinned',
    message: `required-version '${required}' in ${file}${line ? `:${line}` : ''} does not include the default uv ${DEFAULT_UV_VERSION}.`,
    file,
    line,
    fix: `Set 'uv-version:' in the workflow to a uv release matching '${required}'.`,
  })
}
