import { isMap, isScalar, isSeq } from 'yaml'
import { type FoundVersion, selectionVersion } from './found-version.js'
import { parseYamlText } from './yaml-text.js'

const PYTHON_DEPENDENCY = /^(?:[\w.-]+::)?python(?:\s*([=<>!~].*|\s+\S.*))?$/

/**
 * Reads the `python` entry of a conda environment.yml's `dependencies`: `python=3.11` (3.11.*),
 * `python==3.11.7`, `python>=3.10,<3.12`, `python 3.11.*`, `python=3.11=h123_0` (build string
 * ignored). Undefined when the file does not pin Python.
 */
export function parseCondaPython(text: string, file: string): FoundVersion | undefined {
  const { doc, lineAt } = parseYamlText(text, file)
  if (!isMap(doc.contents)) return undefined
  const dependencies = doc.contents.get('dependencies', true)
  if (!isSeq(dependencies)) return undefined
  for (const item of dependencies.items) {
    if (!isScalar(item) || typeof item.value !== 'string') continue
    const match = PYTHON_DEPENDENCY.exec(item.value.trim())
    if (!match) continue
    const spec = match[1]?.trim()
    if (!spec) return undefined
    const line = lineAt(item.range?.[0])
    const withBuild = /^=?([^=<>!~,\s]+)=[^=]+$/.exec(spec)
    const withoutBuild = withBuild?.[1] ?? spec.replace(/^=(?!=)/, '')
    return { ...selectionVersion(withoutBuild, file, line, "'python=3.11'"), value: withoutBuild }
  }
  return undefined
}
