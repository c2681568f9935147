import type { RequirementsFile } from '../model/project.js'
import { normalizeName, type Requirement } from '../model/requirement.js'
import { allRequirements } from '../project/read-requirements-files.js'

export interface RequirementLocation {
  file: string
  requirement: Requirement
}

/** Finds the line that asks for a distribution, searching the files and their -r includes. */
export function locateRequirement(
  files: readonly RequirementsFile[],
  name: string,
): RequirementLocation | undefined {
  const wanted = normalizeName(name)
  for (const file of files) {
    const found = searchFile(file, wanted)
    if (found) return found
  }
  return undefined
}

function searchFile(file: RequirementsFile, wanted: string): RequirementLocation | undefined {
  const own = file.requirements.find((requirement) => requirement.name === wanted)
  if (own) return { file: file.file, requirement: own }
  for (const child of [...file.included, ...file.constraints]) {
    const found = searchFile(child, wanted)
    if (found) return found
  }
  return undefined
}

export function requirementCount(files: readonly RequirementsFile[]): number {
  return files.reduce((total, file) => total + allRequirements(file).length, 0)
}
