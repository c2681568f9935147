import { installedRequirementsFiles } from '../drift/rules/requirement-unpinned.js'
import type { Project } from '../project/types.js'

/** Distribution names the project installs by name (requirements files and their -r includes). */
export function directDependencies(
  project: Pick<Project, 'requirementsFiles'>,
  extra: readonly string[] = [],
): string[] {
  const names = new Set<string>()
  for (const file of installedRequirementsFiles(project.requirementsFiles)) {
    for (const req of file.requirements) if (req.name && !req.editable && !req.url) names.add(req.name)
  }
  for (const name of extra) names.add(name)
  return [...names]
}
