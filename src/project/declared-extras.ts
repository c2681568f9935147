import * as fs from 'node:fs'
import * as path from 'node:path'
import { relativePosix } from '../paths.js'
import { asRecord } from './locks/toml-tables.js'
import { readTextFile } from './read-requirements-files.js'

/**
 * The extras a local project declares: `[project.optional-dependencies]` of pyproject.toml, else
 * `[options.extras_require]` of setup.cfg. Undefined when they cannot be known without running
 * the build (setup.py only, or optional-dependencies listed as dynamic).
 */
export function declaredExtras(
  root: string,
  workspace: string,
  pyproject: Record<string, unknown>,
): string[] | undefined {
  const project = asRecord(pyproject.project)
  const dynamic = project?.dynamic
  const isDynamic = Array.isArray(dynamic) && dynamic.includes('optional-dependencies')
  if (project && !isDynamic) return Object.keys(asRecord(project['optional-dependencies']) ?? {})
  const setupCfg = path.join(root, 'setup.cfg')
  if (fs.existsSync(setupCfg)) {
    const fromCfg = setupCfgExtras(readTextFile(setupCfg, relativePosix(workspace, setupCfg)))
    if (fromCfg !== undefined || !fs.existsSync(path.join(root, 'setup.py'))) return fromCfg ?? []
  }
  return undefined
}

/** The keys of `[options.extras_require]` (INI: `name = req`, continuation lines indented). */
export function setupCfgExtras(text: string): string[] | undefined {
  let inSection = false
  let found = false
  const names: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]]+)\]\s*$/.exec(line)
    if (section) {
      inSection = section[1]?.trim() === 'options.extras_require'
      found ||= inSection
      continue
    }
    if (!inSection || /^\s/.test(line) || /^[#;]/.test(line)) continue
    const key = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*[=:]/.exec(line)?.[1]
    if (key) names.push(key)
  }
  return found ? names : undefined
}
