import { type Finding, makeFinding } from '../../model/finding.js'
import { installedRequirementsFiles } from '../../project/read-requirements-files.js'
import { isPinned } from '../../project/requirements.js'
import type { Rule } from '../rule.js'

export const requirementNoHashesRule: Rule = {
  id: 'requirement-no-hashes',
  defaultSeverity: 'notice',
  description: 'A pinned requirements file without `--hash` values, so pip cannot verify what it downloads.',
  example: 'requirements-lock.txt:\n  numpy==1.26.4',
  fix: 'Generate hashes: `uv pip compile --generate-hashes requirements.in -o requirements-lock.txt`.',
  check(ctx) {
    const findings: Finding[] = []
    for (const file of installedRequirementsFiles(ctx.project.requirementsFiles)) {
      const pinned = file.requirements.filter((req) => req.name && isPinned(req))
      const without = pinned.filter((req) => req.hashes.length === 0)
      const first = without[0]
      if (!first) continue
      findings.push(
        makeFinding(this.id, {
          message: `${without.length} of ${pinned.length} pinned requirements in ${file.file} have no --hash, so downloads are not verified.`,
          file: file.file,
          line: first.line,
          fix: `Regenerate ${file.file} with hashes, e.g. \`uv pip compile --generate-hashes requirements.in -o ${file.file}\`.`,
        }),
      )
    }
    return findings
  },
}
