import type { FailOn } from '../inputs.js'
import { countBySeverity, type Finding } from '../model/finding.js'

/** The failure message when the findings breach `fail-on`, else undefined. */
export function failureMessage(findings: readonly Finding[], failOn: FailOn): string | undefined {
  if (failOn === 'never') return undefined
  const counts = countBySeverity(findings)
  const breaching = failOn === 'error' ? counts.error : counts.error + counts.warning
  if (breaching === 0) return undefined
  const what =
    failOn === 'error' ? `${counts.error} error finding(s)` : `${breaching} error or warning finding(s)`
  return `setup-python-env found ${what} (fail-on: ${failOn}); see the annotations and the job summary.`
}
