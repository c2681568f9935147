import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

// The README is what users copy: every recipe must use real inputs, pin other actions by
// commit SHA, and name an example folder the e2e workflow runs.
const root = path.resolve(import.meta.dirname, '../../..')
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
}
const inputs = new Set(Object.keys(action.inputs))
const OUR_ACTION = /^(?:setup-python-env\/setup-python-env@|\.\/?$)/
const SHA_PINNED = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

const yamlBlocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '')

/** Every step of a workflow, a `jobs:` snippet or a bare `steps:` list. */
function stepsOf(doc: unknown): Step[] {
  if (Array.isArray(doc)) return doc.flatMap(stepsOf)
  if (doc === null || typeof doc !== 'object') return []
  const record = doc as Record<string, unknown>
  if (typeof record.uses === 'string') return [record as Step]
  return Object.values(record).flatMap(stepsOf)
}

const steps = yamlBlocks.flatMap((block) => stepsOf(parse(block)))

describe('README yaml blocks', () => {
  it('are found and parse', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(12)
    for (const block of yamlBlocks) expect(() => parse(block)).not.toThrow()
  })

  it('only use inputs action.yml declares', () => {
    const ours = steps.filter((step) => OUR_ACTION.test(step.uses ?? ''))
    expect(ours.length).toBeGreaterThanOrEqual(yamlBlocks.length)
    const unknown = ours.flatMap((step) => Object.keys(step.with ?? {}).filter((key) => !inputs.has(key)))
    expect(unknown).toEqual([])
  })

  it('pin every other action by commit SHA', () => {
    const unpinned = steps
      .map((step) => step.uses ?? '')
      .filter((uses) => !OUR_ACTION.test(uses) && !SHA_PINNED.test(uses))
    expect(unpinned).toEqual([])
  })
})

describe('README recipes', () => {
  const recipes = readme.slice(
    readme.indexOf('## Recipes'),
    readme.indexOf('\n## ', readme.indexOf('## Recipes') + 1),
  )
  const named = [...recipes.matchAll(/^# as examples\/([\w-]+)/gm)].map((match) => match[1] ?? '')
  const examples = fs
    .readdirSync(path.join(root, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['broken', 'drift'].includes(entry.name))
    .map((entry) => entry.name)

  it('each name the example it mirrors, and that example exists', () => {
    const blocks = [...recipes.matchAll(/^```yaml\n/gm)].length
    expect(named).toHaveLength(blocks)
    for (const example of named) expect(examples).toContain(example)
  })

  it('cover every example', () => {
    expect([...new Set(named)].sort()).toEqual([...examples].sort())
  })
})

describe('README links', () => {
  it('reach every page of docs/', () => {
    const pages = fs.readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md'))
    const missing = pages.filter((page) => !readme.includes(`](docs/${page}`))
    expect(missing).toEqual([])
  })

  it('point at files that exist', () => {
    const targets = [...readme.matchAll(/\]\(((?:docs|examples|\.github)\/[^)#\s]*)/g)].map(
      (match) => match[1] ?? '',
    )
    expect(targets.filter((target) => !fs.existsSync(path.join(root, target)))).toEqual([])
  })
})
