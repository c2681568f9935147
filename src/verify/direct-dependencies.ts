import type { Project } from '../model/project.js'
import { normalizeName } from '../model/requirement.js'
import { asRecord } from '../project/locks/toml-tables.js'
import { installedRequirementsFiles } from '../project/read-requirements-files.js'

const PEP508_NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/

/**
 * Distribution names the project installs by name: requirements files (and their -r includes),
 * `[project] dependencies` and poetry's `[tool.poetry.dependencies]` of pyproject.toml.
 */
export function directDependencies(
  project: Pick<Project, 'requirementsFiles'> & Partial<Pick<Project, 'pyproject'>>,
  extra: readonly string[] = [],
): string[] {
  const names = new Set<string>()
  for (const file of installedRequirementsFiles(project.requirementsFiles)) {
    for (const req of file.requirements) if (req.name && !req.editable && !req.url) names.add(req.name)
  }
  for (const name of pyprojectDependencies(project.pyproject ?? {})) names.add(name)
  for (const name of extra) names.add(name)
  return [...names]
}

function pyprojectDependencies(pyproject: Record<string, unknown>): string[] {
  const names: string[] = []
  const pep621 = asRecord(pyproject.project)?.dependencies
  if (Array.isArray(pep621)) {
    for (const spec of pep621) {
      const name = typeof spec === 'string' ? PEP508_NAME.exec(spec)?.[1] : undefined
      if (name) names.push(normalizeName(name))
    }
  }
  const poetry = asRecord(asRecord(asRecord(pyproject.tool)?.poetry)?.dependencies) ?? {}
  for (const [name, spec] of Object.entries(poetry)) {
    if (name.toLowerCase() === 'python') continue
    // optional dependencies are installed only with their extra
    if (asRecord(spec)?.optional === true) continue
    names.push(normalizeName(name))
  }
  return names
}
