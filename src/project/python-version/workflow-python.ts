import { isMap, isPair, isScalar, isSeq, type Node, visit } from 'yaml'
import type { UserError } from '../../errors.js'
import { driftVersion, type FoundVersion } from './found-version.js'
import { parseYamlText } from './yaml-text.js'

/**
 * Every literal `python-version:` in a workflow (a step's `with:` or a matrix list), for drift.
 * Expressions (`${{ matrix.python }}`) and unreadable files are skipped: workflows never choose.
 */
export function parseWorkflowPython(text: string, file: string): FoundVersion[] {
  let parsed: ReturnType<typeof parseYamlText>
  try {
    parsed = parseYamlText(text, file)
  } catch (error) {
    if ((error as UserError).name === 'UserError') return []
    throw error
  }
  const found: FoundVersion[] = []
  const add = (node: unknown) => {
    if (!isScalar(node) || node.value === null || node.value === undefined) return
    const value = String(node.source ?? node.value).trim()
    if (value.includes('${{')) return
    const version = driftVersion(value, parsed.lineAt(node.range?.[0]))
    if (version) found.push(version)
  }
  visit(parsed.doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'python-version') return
      const value = pair.value as Node | null
      if (isSeq(value)) for (const item of value.items) add(item)
      else if (!isMap(value)) add(value)
    },
  })
  return found
}
