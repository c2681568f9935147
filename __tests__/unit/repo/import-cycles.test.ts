import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { relativeImports, sourceFiles, srcDir } from '../../support/source-files.js'

// A value import cycle between modules is a load-order bug that only shows in one bundle: the
// post bundle enters the graph elsewhere than main, and a `const` read during the cycle is
// still uninitialised (post.js crashed at load with "Cannot access 'poetryCacheHooks' before
// initialization"). Type-only imports are erased and cannot cause it.
const src = srcDir

/** Relative value imports and re-exports of a module, as absolute .ts paths. */
function valueImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gms)]
  return specifiers.map((match) => path.resolve(path.dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts')))
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined
    if (state.get(file) === 'visiting') return [...stack.slice(stack.indexOf(file)), file]
    state.set(file, 'visiting')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(file, 'done')
    return undefined
  }
  for (const file of graph.keys()) {
    const cycle = visit(file)
    if (cycle) return cycle
  }
  return undefined
}

describe('src/ module graph', () => {
  it('has no value import cycle', () => {
    const graph = new Map(sourceFiles(src).map((file) => [file, valueImports(file)]))
    const cycle = findCycle(graph)?.map((file) => path.relative(src, file))
    expect(cycle).toBeUndefined()
  })

  it('has no import cycle at all, type-only imports included (a circle of files reads as one file)', () => {
    const graph = new Map(sourceFiles(src).map((file) => [file, relativeImports(file)]))
    const cycle = findCycle(graph)?.map((file) => path.relative(src, file))
    expect(cycle).toBeUndefined()
  })

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ])
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a'])
  })
})
