import type { LockedPackage, LockFile } from '../lock.js'
import type { Requirement } from '../requirements.js'
import type { RequirementsFile } from '../types.js'

const EXACT_PIN = /^\s*===?\s*([^\s,;]+)\s*$/

/**
 * The pinned requirements (`name==version`) of requirements files and their -r includes, as a
 * LockFile. Unpinned lines are not locked and are left to the requirement-unpinned rule.
 */
export function requirementsLock(files: readonly RequirementsFile[]): LockFile | undefined {
  const first = files[0]
  if (!first) return undefined
  const packages: LockedPackage[] = []
  const seen = new Set<string>()
  for (const file of files) {
    for (const { requirement, file: where } of allRequirementsWithFile(file)) {
      const version = EXACT_PIN.exec(requirement.specifier)?.[1]
      if (!requirement.name || !version || seen.has(requirement.name)) continue
      seen.add(requirement.name)
      packages.push({ name: requirement.name, version, file: where, line: requirement.line })
    }
  }
  return { kind: 'requirements', file: first.file, packages }
}

interface Located {
  requirement: Requirement
  file: string
}

function allRequirementsWithFile(file: RequirementsFile): Located[] {
  const own = file.requirements.map((requirement) => ({ requirement, file: file.file }))
  const included = file.included.flatMap(allRequirementsWithFile)
  return [...own, ...included]
}
