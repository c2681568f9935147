import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import ts from 'typescript'
import { sourceFiles, srcDir } from '../../support/source-files.js'

// A function longer than a screen does several things; STYLE.md asks for one job each.
const MAX_LINES = 60
const src = srcDir

/** `file:line name (N lines)` for every function, method or arrow function over the limit. */
function longFunctions(fileName: string, text: string, max = MAX_LINES): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const lines = last - first + 1
      if (lines > max) found.push(`${fileName}:${first + 1} ${nameOf(node)} (${lines} lines)`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function nameOf(node: ts.SignatureDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text
  const parent = node.parent
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) &&
    ts.isIdentifier(parent.name)
  )
    return parent.name.text
  return '(anonymous)'
}

describe('functions in src/', () => {
  it(`are at most ${MAX_LINES} lines long`, () => {
    const long = sourceFiles(src).flatMap((file) =>
      longFunctions(path.relative(src, file), fs.readFileSync(file, 'utf8')),
    )
    expect(long).toEqual([])
  })

  it('finds a long function, however it is written', () => {
    const body = Array.from({ length: 3 }, (_, i) => `  const x${i} = ${i}`).join('\n')
    const text = `function named() {\n${body}\n}\nconst arrow = () => {\n${body}\n}\nconst o = { method() {\n${body}\n} }\n`
    expect(longFunctions('f.ts', text, 4)).toEqual([
      'f.ts:1 named (5 lines)',
      'f.ts:6 arrow (5 lines)',
      'f.ts:11 method (5 lines)',
    ])
    expect(longFunctions('f.ts', text, 5)).toEqual([])
  })
})
