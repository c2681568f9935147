import { normalizeName } from '../../model/requirement.js'
import { parseTomlText } from '../python-version/toml-text.js'
import { parseRequirements } from '../requirements.js'

/** A direct dependency as the manifest states it. */
export interface ManifestDependency {
  name: string
  /** PEP 440 specifier, '' when any version is accepted. */
  specifier: string
  /** True when a marker limits it to some platforms or Pythons (it may rightly be absent). */
  conditional: boolean
  line?: number
}

/** Where the direct dependencies are declared: pyproject.toml, requirements.in, or a loose requirements.txt. */
export interface Manifest {
  file: string
  kind: 'pyproject' | 'requirements'
  dependencies: ManifestDependency[]
}

/** Direct dependencies of a requirements file (requirements.in or an unpinned requirements.txt). */
export function requirementsManifest(text: string, file: string): Manifest {
  const dependencies = parseRequirements(text, file).requirements.flatMap((req) =>
    req.name ? [{ name: req.name, specifier: req.specifier, conditional: !!req.marker, line: req.line }] : [],
  )
  return { file, kind: 'requirements', dependencies }
}

const PEP508 = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?([^;@]*?)\)?\s*(;.*)?$/

/** [project].dependencies and [tool.poetry.dependencies] of a pyproject.toml; invalid TOML is a UserError at its line. */
export function pyprojectManifest(text: string, file: string): Manifest {
  const data = parseTomlText(text, file)
  const lines = text.split(/\r?\n/)
  const lineOf = (needle: string) => {
    const index = lines.findIndex((line) => line.includes(needle))
    return index >= 0 ? index + 1 : undefined
  }
  const dependencies: ManifestDependency[] = []
  const project = data.project as Record<string, unknown> | undefined
  for (const raw of asStrings(project?.dependencies)) {
    const match = PEP508.exec(raw)
    if (!match) continue
    dependencies.push({
      name: normalizeName(match[1] ?? ''),
      specifier: (match[2] ?? '').replace(/\s+/g, ''),
      conditional: !!match[3],
      line: lineOf(raw),
    })
  }
  const tool = data.tool as Record<string, Record<string, unknown>> | undefined
  const poetryDeps = tool?.poetry?.dependencies as Record<string, unknown> | undefined
  for (const [name, value] of Object.entries(poetryDeps ?? {})) {
    if (name === 'python') continue
    const spec = typeof value === 'string' ? value : ''
    const conditional =
      typeof value === 'object' && value !== null && ('markers' in value || 'platform' in value)
    dependencies.push({
      name: normalizeName(name),
      specifier: spec === '*' ? '' : spec,
      conditional,
      line: lineOf(`${name} =`) ?? lineOf(`${name}=`),
    })
  }
  return { file, kind: 'pyproject', dependencies }
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
