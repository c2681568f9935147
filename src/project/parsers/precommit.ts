import { isMap, isScalar, isSeq } from 'yaml'
import { parseYamlText } from '../python-version/yaml-text.js'

/** One `repos:` entry of .pre-commit-config.yaml with the line of its `rev:`. */
export interface PreCommitRepo {
  repo: string
  rev: string
  revLine: number
  hookIds: string[]
}

export interface PreCommitConfig {
  file: string
  repos: PreCommitRepo[]
}

/** Reads the repos and revs of a pre-commit config; invalid YAML is a UserError at its line. */
export function parsePreCommitConfig(text: string, file: string): PreCommitConfig {
  const { doc, lineAt } = parseYamlText(text, file)
  const repos: PreCommitRepo[] = []
  const list = isMap(doc.contents) ? doc.contents.get('repos', true) : undefined
  if (!isSeq(list)) return { file, repos }
  for (const item of list.items) {
    if (!isMap(item)) continue
    const repo = item.get('repo')
    const revNode = item.get('rev', true)
    if (typeof repo !== 'string' || !isScalar(revNode)) continue
    const hooks = item.get('hooks', true)
    const hookIds = isSeq(hooks)
      ? hooks.items.flatMap((hook) => {
          const id = isMap(hook) ? hook.get('id') : undefined
          return typeof id === 'string' ? [id] : []
        })
      : []
    const offset = revNode.range?.[0] ?? 0
    repos.push({ repo, rev: String(revNode.value), revLine: lineAt(offset), hookIds })
  }
  return { file, repos }
}
