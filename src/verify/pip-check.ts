import { locateRequirement } from '../managers/locate-requirement.js'
import { type Finding, makeFinding } from '../model/finding.js'
import type { Project } from '../model/project.js'

export interface PipCheckProblem {
  package: string
  version: string
  /** 'conflict': a dependency at the wrong version; 'missing': not installed; 'platform'. */
  kind: 'conflict' | 'missing' | 'platform'
  dependency?: string
  requirement?: string
  installed?: string
}

const CONFLICT = /^(\S+) (\S+) has requirement (.+), but you have (\S+) (\S+)\.$/
const MISSING = /^(\S+) (\S+) requires (\S+), which is not installed\.$/
const PLATFORM = /^(\S+) (\S+) is not supported on this platform$/

/** Parses `pip check` / `uv pip check` output into problems, one per line pip printed. */
export function parsePipCheck(output: string): PipCheckProblem[] {
  const problems: PipCheckProblem[] = []
  for (const raw of output.split('\n')) {
    const line = raw.trim()
    let match = CONFLICT.exec(line)
    if (match) {
      const [, pkg = '', version = '', requirement = '', dependency = '', installed = ''] = match
      problems.push({ package: pkg, version, kind: 'conflict', dependency, requirement, installed })
      continue
    }
    match = MISSING.exec(line)
    if (match) {
      const [, pkg = '', version = '', dependency = ''] = match
      problems.push({ package: pkg, version, kind: 'missing', dependency, requirement: dependency })
      continue
    }
    match = PLATFORM.exec(line)
    if (match) problems.push({ package: match[1] ?? '', version: match[2] ?? '', kind: 'platform' })
  }
  return problems
}

/** One `pip-check-conflict` finding per problem, at the requirement line that pins the package. */
export function pipCheckFindings(
  problems: readonly PipCheckProblem[],
  project: Pick<Project, 'requirementsFiles' | 'installable'>,
): Finding[] {
  return problems.map((problem) => {
    const where =
      locateRequirement(project.requirementsFiles, problem.dependency ?? problem.package) ??
      locateRequirement(project.requirementsFiles, problem.package)
    const file = where?.file ?? project.installable?.file
    const line = where?.requirement.line
    return makeFinding('pip-check-conflict', {
      message: describe(problem),
      file,
      line,
      package: problem.dependency ?? problem.package,
      to: problem.installed,
      fix: fixFor(problem),
    })
  })
}

function describe(problem: PipCheckProblem): string {
  switch (problem.kind) {
    case 'conflict':
      return `${problem.package} ${problem.version} requires ${problem.requirement}, but ${problem.dependency} ${problem.installed} is installed.`
    case 'missing':
      return `${problem.package} ${problem.version} requires ${problem.dependency}, which is not installed.`
    case 'platform':
      return `${problem.package} ${problem.version} is not supported on this platform.`
  }
}

function fixFor(problem: PipCheckProblem): string {
  switch (problem.kind) {
    case 'conflict':
      return `Pin ${problem.dependency} to a version matching '${problem.requirement}' (or change ${problem.package}) and regenerate the lock.`
    case 'missing':
      return `Add ${problem.dependency} to your pinned requirements and regenerate the lock.`
    case 'platform':
      return `Pin a ${problem.package} release that ships wheels for this platform.`
  }
}
