import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { UserError } from '../errors.js'

export interface CondaSpec {
  /** As written, e.g. 'python=3.11' or 'numpy>=1.26'. */
  spec: string
  name: string
  /** The version part, when the spec has one. */
  version?: string
  line: number
}

export interface CondaEnvFile {
  file: string
  name?: string
  channels: string[]
  dependencies: CondaSpec[]
  /** The `- pip:` list: requirement lines pip installs after the conda packages. */
  pip: { spec: string; line: number }[]
  python?: CondaSpec
}

const SPEC = /^\s*(?:[\w.-]+::)?([A-Za-z0-9_.-]+)\s*(?:(==?|>=|<=|>|<|!=|~=)?\s*([^\s=]\S*?)(?:=\S*)?)?\s*$/

/** Parses a conda environment file (environment.yml / conda.yml) with line numbers. */
export function parseCondaEnvFile(text: string, file: string): CondaEnvFile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter })
  const firstError = document.errors[0]
  if (firstError) {
    const line = firstError.linePos?.[0]?.line
    throw new UserError({
      title: 'Invalid conda environment file',
      message: `${file}${line ? `:${line}` : ''}: ${firstError.message.split('\n')[0]}`,
      file,
      line,
      fix: `Fix the YAML syntax of ${file}.`,
    })
  }
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1
  const result: CondaEnvFile = { file, channels: [], dependencies: [], pip: [] }
  const root = document.contents
  if (!isMap(root)) return result
  const name = root.get('name')
  if (typeof name === 'string') result.name = name
  const channels = root.get('channels', true)
  if (isSeq(channels)) result.channels = channels.items.filter(isScalar).map((item) => String(item.value))
  const dependencies = root.get('dependencies', true)
  if (!isSeq(dependencies)) return result
  for (const item of dependencies.items) {
    if (isScalar(item)) {
      const spec = String(item.value)
      const match = SPEC.exec(spec)
      const dependency: CondaSpec = {
        spec,
        name: (match?.[1] ?? spec).toLowerCase(),
        version: match?.[3],
        line: lineOf(item),
      }
      result.dependencies.push(dependency)
      if (dependency.name === 'python') result.python = dependency
    } else if (isMap(item)) {
      const pip = item.get('pip', true)
      if (isSeq(pip)) {
        for (const entry of pip.items)
          if (isScalar(entry)) result.pip.push({ spec: String(entry.value), line: lineOf(entry) })
      }
    }
  }
  return result
}
