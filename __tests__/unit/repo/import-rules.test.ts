import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { relativeImports, sourceFiles, srcDir } from '../../support/source-files.js'

// Imports point backwards along the pipeline only (DESIGN.md "How the stages fit together"): a
// folder may import its own layer and the layers before it, never a later one. Type-only imports
// count too: they are how a stage comes to know a later stage's shapes.
const LAYERS: readonly (readonly string[])[] = [
  ['model', 'errors'],
  [
    'paths',
    'exec',
    'exec-bounded',
    'archive',
    'inputs',
    'runner',
    'stage',
    'github-api',
    'report-failure',
    'source-map-stack',
    'base-commit',
  ],
  ['project'],
  ['python'],
  ['managers'],
  ['cache'],
  ['verify'],
  ['advisories'],
  ['drift'],
  ['report'],
  // discover is a mode beside the stages: it reuses project detection and the report's markdown
  ['state', 'stages', 'discover', 'main', 'post', 'index', 'post-index'],
]
/** The model imports no stage and nothing of the runner: only itself and the error type. */
const GROUND_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = { model: ['model', 'errors'] }

const src = srcDir

/** `src/cache/key.ts` → 'cache', `src/main.ts` → 'main'. */
function unitOf(file: string): string {
  const [first = ''] = path.relative(src, file).split(path.sep)
  return first.replace(/\.ts$/, '')
}

function layerOf(unit: string): number {
  return LAYERS.findIndex((layer) => layer.includes(unit))
}

/** Why `from` may not import `to`, or undefined when it may. */
function forbidden(from: string, to: string): string | undefined {
  if (from === to) return undefined
  const [a, b] = [layerOf(from), layerOf(to)]
  if (a < 0 || b < 0) return `${a < 0 ? from : to} is not in the LAYERS table`
  const only = GROUND_EXCEPTIONS[from]
  if (only && !only.includes(to)) return `${from} imports only ${only.join(', ')}`
  return b > a ? `${from} comes before ${to} in the pipeline` : undefined
}

function violations(edges: readonly [string, string][]): string[] {
  return edges.flatMap(([from, to]) => {
    const why = forbidden(unitOf(from), unitOf(to))
    return why ? [`${path.relative(src, from)} → ${path.relative(src, to)}: ${why}`] : []
  })
}

describe('imports between the folders of src/', () => {
  it('point backwards along the pipeline only', () => {
    const edges = sourceFiles(src).flatMap((file) =>
      relativeImports(file).map((to): [string, string] => [file, to]),
    )
    expect(violations(edges)).toEqual([])
  })

  it('finds a forbidden import when one is added', () => {
    const at = (file: string) => path.join(src, file)
    expect(
      violations([
        [at('managers/poetry-tool.ts'), at('cache/tool-entry.ts')],
        [at('model/finding.ts'), at('drift/registry.ts')],
        [at('model/finding.ts'), at('errors.ts')],
        [at('model/project.ts'), at('inputs.ts')],
        [at('drift/base-revision.ts'), at('report/pr-comment.ts')],
        [at('cache/restore-env.ts'), at('managers/types.ts')],
      ]),
    ).toEqual([
      'managers/poetry-tool.ts → cache/tool-entry.ts: managers comes before cache in the pipeline',
      'model/finding.ts → drift/registry.ts: model imports only model, errors',
      'model/project.ts → inputs.ts: model imports only model, errors',
      'drift/base-revision.ts → report/pr-comment.ts: drift comes before report in the pipeline',
    ])
  })

  it('knows every folder and top-level file of src/', () => {
    const units = new Set(sourceFiles(src).map(unitOf))
    expect([...units].filter((unit) => layerOf(unit) < 0)).toEqual([])
  })
})
