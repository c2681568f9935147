import { UserError } from '../../errors.js'
import type { PythonVersionSourceKind } from '../../model/project.js'
import { driftVersion, type FoundVersion, selectionVersion } from './found-version.js'
import { findTomlKey, parseTomlText, tomlGet } from './toml-text.js'

export interface PyprojectVersion extends FoundVersion {
  kind: Extract<PythonVersionSourceKind, 'requires-python' | 'poetry' | 'mypy' | 'black' | 'ruff'>
}

/**
 * The Python versions a pyproject.toml states: `[project] requires-python` and
 * `[tool.poetry.dependencies] python` (these choose), `[tool.mypy] python_version`,
 * `[tool.black] target-version` and `[tool.ruff] target-version` (compared for drift only).
 */
export function parsePyprojectPython(text: string, file: string): PyprojectVersion[] {
  const data = parseTomlText(text, file)
  const found: PyprojectVersion[] = []
  const requires = tomlGet(data, 'project.requires-python')
  if (requires !== undefined) {
    const line = findTomlKey(text, 'project', 'requires-python')?.line ?? 1
    found.push({
      kind: 'requires-python',
      ...selectionVersion(expectString(requires, file, line, 'requires-python'), file, line, "'>=3.10'"),
    })
  }
  const poetry = tomlGet(data, 'tool.poetry.dependencies.python')
  if (poetry !== undefined) {
    const line = findTomlKey(text, 'tool.poetry.dependencies', 'python')?.line ?? 1
    const value =
      typeof poetry === 'object' && poetry !== null ? (poetry as Record<string, unknown>).version : poetry
    found.push({
      kind: 'poetry',
      ...selectionVersion(expectString(value, file, line, 'python'), file, line, "'^3.11'"),
    })
  }
  const mypy = findTomlKey(text, 'tool.mypy', 'python_version')
  const mypyVersion = mypy && driftVersion(mypy.raw.replace(/^["']|["']$/g, ''), mypy.line)
  if (mypyVersion) found.push({ kind: 'mypy', ...mypyVersion })
  for (const kind of ['black', 'ruff'] as const) {
    const target = tomlGet(data, `tool.${kind}.target-version`)
    const line = findTomlKey(text, `tool.${kind}`, 'target-version')?.line ?? 1
    const lowest = lowestTarget(Array.isArray(target) ? target : [target])
    const version = lowest && driftVersion(lowest, line)
    if (version) found.push({ kind, ...version })
  }
  return found
}

/** `['py312', 'py310']` → '3.10': black and ruff targets name the oldest Python the code must run on. */
export function lowestTarget(targets: unknown[]): string | undefined {
  const versions = targets
    .map((target) => (typeof target === 'string' ? /^py(\d)(\d+)$/.exec(target.trim()) : null))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [Number(match[1]), Number(match[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const lowest = versions[0]
  return lowest ? `${lowest[0]}.${lowest[1]}` : undefined
}

function expectString(value: unknown, file: string, line: number, key: string): string {
  if (typeof value === 'string') return value
  throw new UserError({
    title: 'Invalid Python version',
    message: `${file}:${line}: '${key}' must be a string such as ">=3.10".`,
    file,
    line,
    fix: `Quote the version: ${key} = ">=3.10".`,
  })
}
