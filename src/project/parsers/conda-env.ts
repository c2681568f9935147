import { isMap, isScalar, isSeq, type Scalar } from 'yaml'
import { parseYamlText } from '../python-version/yaml-text.js'

/** One dependency of a conda environment file, conda's or pip's section. */
export interface CondaDependency {
  spec: string
  line: number
  section: 'conda' | 'pip'
}

export interface CondaEnvironment {
  file: string
  dependencies: CondaDependency[]
}

/** Reads `dependencies:` (and its `pip:` list) of environment.yml with lines. */
export function parseCondaEnvironment(text: string, file: string): CondaEnvironment {
  const { doc, lineAt } = parseYamlText(text, file)
  const dependencies: CondaDependency[] = []
  const list = isMap(doc.contents) ? doc.contents.get('dependencies', true) : undefined
  if (!isSeq(list)) return { file, dependencies }
  const lineOf = (node: Scalar) => lineAt(node.range?.[0])
  for (const item of list.items) {
    if (isScalar(item)) {
      dependencies.push({ spec: String(item.value), line: lineOf(item), section: 'conda' })
      continue
    }
    const pip = isMap(item) ? item.get('pip', true) : undefined
    if (!isSeq(pip)) continue
    for (const entry of pip.items) {
      if (isScalar(entry))
        dependencies.push({ spec: String(entry.value), line: lineOf(entry), section: 'pip' })
    }
  }
  return { file, dependencies }
}

/** True when a conda spec names one version: `numpy=1.26.4`, `numpy==1.26.4`, `numpy 1.26.4`. */
export function isCondaPinned(spec: string): boolean {
  const match = /^[A-Za-z0-9_.-]+(?:\[[^\]]*\])?\s*(==?|\s)\s*([^\s,|<>!*]+)(?:[=\s]\S+)?$/.exec(spec.trim())
  return match !== null
}
