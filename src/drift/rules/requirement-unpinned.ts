import { type Finding, makeFinding } from '../../model/finding.js'
import { installedRequirementsFiles } from '../../project/read-requirements-files.js'
import { isPinned } from '../../project/requirements.js'
import type { Rule } from '../rule.js'

export const requirementUnpinnedRule: Rule = {
  id: 'requirement-unpinned',
  defaultSeverity: 'warning',
  description: 'A requirements line that is installed without an exact `==` pin.',
  example: 'requirements.txt:\n  pandas>=2.0',
  fix: 'Pin the exact version you tested with, e.g. `pandas==2.2.3`, or install from a generated lock.',
  check(ctx) {
    const findings: Finding[] = []
    for (const file of installedRequirementsFiles(ctx.project.requirementsFiles)) {
      for (const req of file.requirements) {
        if (!req.name || req.editable || req.url || isPinned(req)) continue
        findings.push(
          makeFinding(this.id, {
            message: req.specifier
              ? `${req.name}${req.specifier} in ${file.file} allows more than one version.`
              : `${req.name} in ${file.file} has no version, so any release may be installed.`,
            file: file.file,
            line: req.line,
            endLine: req.endLine > req.line ? req.endLine : undefined,
            fix: `Pin it: ${req.name}==<the version you tested>, or install from a lock file.`,
            package: req.name,
          }),
        )
      }
    }
    return findings
  },
}
