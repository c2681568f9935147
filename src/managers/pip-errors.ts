import { UserError } from '../errors.js'
import type { RequirementsFile } from '../model/project.js'
import { locateRequirement } from './locate-requirement.js'

/**
 * Turns a failed `pip install` into a UserError that points at the requirements line pip
 * could not satisfy. Pure: takes pip's output and the parsed files.
 */
export function explainPipFailure(
  output: string,
  files: readonly RequirementsFile[],
  exitCode: number,
): UserError {
  const invalid = /Invalid requirement: '([^']*)'[^\n]*\(from line (\d+) of ([^)]+)\)/.exec(output)
  if (invalid) {
    const file = files.find((f) => invalid[3]?.endsWith(f.file.split('/').pop() ?? '\0'))?.file ?? invalid[3]
    return new UserError({
      title: 'pip could not parse a requirement',
      message: `${file}:${invalid[2]}: pip cannot parse the requirement '${invalid[1]}'.`,
      file,
      line: Number(invalid[2]),
      fix: 'Write it as name==version, e.g. numpy==1.26.4.',
    })
  }
  const missing =
    /No matching distribution found for ([^\s;]+)/.exec(output) ??
    /Could not find a version that satisfies the requirement ([^\s;]+)/.exec(output)
  if (missing?.[1]) {
    const wanted = missing[1]
    const name = wanted.split(/[<>=!~[ @]/)[0] ?? wanted
    const where = locateRequirement(files, name)
    const available = /\(from versions: ([^)]*)\)/.exec(output)?.[1]?.trim()
    const versions =
      available && available !== 'none' ? ` Available versions end with: ${lastItems(available, 5)}.` : ''
    return new UserError({
      title: 'Requirement cannot be installed',
      message: `${where ? `${where.file}:${where.requirement.line}: ` : ''}pip found no distribution for '${wanted}' on the package index.${versions}`,
      file: where?.file,
      line: where?.requirement.line,
      fix:
        available && available !== 'none'
          ? `Pin a version that exists, e.g. ${name}==${lastItems(available, 1)}.`
          : `Check the name '${name}' on the package index and fix the line.`,
    })
  }
  const conflict = conflictError(output, files)
  if (conflict) return conflict
  const lastError = output
    .split('\n')
    .filter((line) => line.startsWith('ERROR:'))
    .pop()
  const first = files[0]
  return new UserError({
    title: 'pip install failed',
    message: `pip install exited with code ${exitCode}${first ? ` installing ${first.file}` : ''}: ${lastError?.replace(/^ERROR:\s*/, '') ?? 'see the log above'}.`,
    file: first?.file,
    fix: 'Read pip’s output in the Install group of the log and fix the requirement it names.',
  })
}

/** pip's resolver gave up: the packages whose pins disagree, at the first one's line. */
function conflictError(output: string, files: readonly RequirementsFile[]): UserError | undefined {
  const conflict = /Cannot install (.+?) because these package versions have conflicting dependencies/.exec(
    output,
  )
  if (!conflict) return undefined
  const causes = /The conflict is caused by:\n([\s\S]*?)(?:\n\s*\n|\s*$)/
    .exec(output)?.[1]
    ?.trim()
    .replace(/\s*\n\s*/g, '; ')
  const first = conflict[1]?.split(/,| and /)[0]?.trim() ?? ''
  const where = locateRequirement(files, first.split(/[<>=!~ ]/)[0] ?? first)
  return new UserError({
    title: 'Requirements conflict',
    message: `pip cannot install ${conflict[1]} together: ${causes ?? 'their dependencies conflict'}.`,
    file: where?.file,
    line: where?.requirement.line,
    fix: 'Change the pins so they agree, then regenerate the lock (e.g. pip-compile or uv pip compile).',
  })
}

function lastItems(commaList: string, count: number): string {
  return commaList
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .slice(-count)
    .join(', ')
}
