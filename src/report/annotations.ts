import * as core from '@actions/core'
import { type Finding, type Severity, sortFindings } from '../model/finding.js'

/** GitHub shows at most 10 annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10

/** GitHub cuts annotation messages at 4,096 characters; cut them ourselves, visibly. */
const MAX_MESSAGE = 4096

export interface AnnotationResult {
  shown: number
  leftOut: number
}

/** Emits findings as annotations, most severe first, within GitHub's per-step limits. */
export function annotateFindings(findings: readonly Finding[]): AnnotationResult {
  const perLevel: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  let shown = 0
  for (const finding of sortFindings(findings)) {
    if (perLevel[finding.severity] >= ANNOTATIONS_PER_LEVEL) continue
    perLevel[finding.severity]++
    shown++
    const properties: core.AnnotationProperties = {
      title: finding.rule,
      file: finding.file,
      startLine: finding.file ? finding.line : undefined,
      endLine: finding.file && finding.endLine ? finding.endLine : undefined,
    }
    const full = finding.fix ? `${finding.message} Fix: ${finding.fix}` : finding.message
    const text = full.length > MAX_MESSAGE ? `${full.slice(0, MAX_MESSAGE - 1)}…` : full
    if (finding.severity === 'error') core.error(text, properties)
    else if (finding.severity === 'warning') core.warning(text, properties)
    else core.notice(text, properties)
  }
  return { shown, leftOut: findings.length - shown }
}
