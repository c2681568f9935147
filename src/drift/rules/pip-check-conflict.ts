import { pipCheckFindings } from '../../verify/pip-check.js'
import type { Rule } from '../rule.js'

export const pipCheckConflictRule: Rule = {
  id: 'pip-check-conflict',
  defaultSeverity: 'error',
  description: '`pip check` found installed packages whose requirements are not met.',
  example: 'requirements.txt:\n  conflictpkg==0.1.0   # requires six<1.16\n  six==1.17.0',
  fix: 'Pin versions that satisfy each other and regenerate the lock.',
  check(ctx) {
    if (!ctx.pipCheck) return []
    return pipCheckFindings(ctx.pipCheck, ctx.project)
  },
}
