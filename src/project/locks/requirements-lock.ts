import { UserError } from '../../errors.js'
import type { LockedPackage, LockFile } from '../../model/lock.js'
import type { RequirementsFile } from '../../model/project.js'
import type { Requirement } from '../../model/requirement.js'

const EXACT_PIN = /^\s*===?\s*([^\s,;]+)\s*$/

/**
 * The pinned requirements (`name==version`) of requirements files and their -r includes, as a
 * LockFile. Unpinned lines are not locked and are left to the requirement-unpinned rule.
 */
export function requirementsLock(files: readonly RequirementsFile[]): LockFile | undefined {
  const first = files[0]
  if (!first) return undefined
  const packages: LockedPackage[] = []
  const seen = new Map<string, LockedPackage & { conditional: boolean }>()
  for (const file of files) {
    for (const { requirement, file: where } of allRequirementsWithFile(file)) {
      const version = EXACT_PIN.exec(requirement.specifier)?.[1]
      if (!requirement.name || !version) continue
      const first = seen.get(requirement.name)
      if (first) {
        // pip refuses two different pins of one package (ResolutionImpossible) unless markers split them
        if (first.version !== version && !first.conditional && !requirement.marker) {
          throw conflictingPins(first, {
            name: requirement.name,
            version,
            file: where,
            line: requirement.line,
          })
        }
        continue
      }
      const locked = { name: requirement.name, version, file: where, line: requirement.line }
      seen.set(requirement.name, { ...locked, conditional: !!requirement.marker })
      packages.push(locked)
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

function conflictingPins(first: LockedPackage, second: LockedPackage): UserError {
  const name = second.name
  const where = first.file === second.file ? `line ${first.line}` : `${first.file}:${first.line}`
  return new UserError({
    title: 'Conflicting pins',
    message: `${second.file}:${second.line}: ${name}==${second.version} contradicts ${name}==${first.version} (${where}); pip cannot install both.`,
    file: second.file,
    line: second.line,
    fix: `Keep one pin of ${name}, or add environment markers that tell them apart.`,
  })
}
