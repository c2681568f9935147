import { XMLParser } from 'fast-xml-parser'

export interface TestFailure {
  /** Test id as pytest prints it, e.g. tests/test_smoke.py::test_versions. */
  name: string
  /** Path as pytest wrote it (relative to its rootdir). */
  file?: string
  /** 1-based line of the failing statement when the traceback shows it, else of the test. */
  line?: number
  message: string
  kind: 'failure' | 'error'
}

export interface JUnitReport {
  tests: number
  failures: TestFailure[]
  skipped: number
}

type Attrs = Record<string, string | undefined>
interface XmlCase extends Attrs {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
})

/** Parses pytest's JUnit XML (xunit1 family, which carries file and line). */
export function parseJUnit(xml: string): JUnitReport {
  const doc = parser.parse(xml) as Record<string, unknown>
  const root = (doc.testsuites ?? doc) as Record<string, unknown>
  const suites = (root.testsuite ?? []) as Record<string, unknown>[]
  const report: JUnitReport = { tests: 0, failures: [], skipped: 0 }
  for (const suite of suites) {
    for (const testcase of (suite.testcase ?? []) as Record<string, unknown>[]) {
      report.tests++
      const attrs = testcase as XmlCase
      if (testcase.skipped) report.skipped++
      for (const kind of ['failure', 'error'] as const) {
        for (const node of (testcase[kind] ?? []) as (Record<string, unknown> | string)[]) {
          report.failures.push(toFailure(attrs, node, kind))
        }
      }
    }
  }
  return report
}

function toFailure(
  attrs: XmlCase,
  node: Record<string, unknown> | string,
  kind: TestFailure['kind'],
): TestFailure {
  const text = typeof node === 'string' ? node : String(node['#text'] ?? '')
  const message = withRaisedError(
    firstLine(typeof node === 'string' ? node : String(node.message ?? text)),
    text,
  )
  const file = attrs.file
  const name = [file ?? attrs.classname, attrs.name].filter(Boolean).join('::')
  return { name, file, line: failingLine(text, file) ?? defLine(attrs.line), message, kind }
}

/** pytest's long traceback ends each frame with `path.py:LINE: ErrorType`; the last one in the test file wins. */
function failingLine(text: string, file: string | undefined): number | undefined {
  if (!file) return undefined
  let found: number | undefined
  for (const match of text.matchAll(/^(.+?\.py):(\d+):/gm)) {
    const where = match[1] ?? ''
    if (where === file || where.endsWith(`/${file}`) || file.endsWith(where)) found = Number(match[2])
  }
  return found
}

/** xunit1 `line` is 0-based. */
function defLine(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n + 1 : undefined
}

/**
 * pytest reports a test module that cannot be imported only as "collection failure"; the error it
 * raised (e.g. `ModuleNotFoundError: No module named 'x'`) is the traceback's last `E   ` line.
 */
function withRaisedError(message: string, text: string): string {
  if (message !== 'collection failure') return message
  const raised = [...text.matchAll(/^E\s+(.+)$/gm)].at(-1)?.[1]?.trim()
  return raised ? `${message}: ${raised}` : message
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? ''
}
