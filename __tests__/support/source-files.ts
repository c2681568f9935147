import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'

/** The action's sources, for the tests that hold rules over all of them. */
export const srcDir = path.resolve(import.meta.dirname, '../../src')

/** Every .ts file under dir. */
export function sourceFiles(dir = srcDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

/** Every relative import of a file, type-only ones included, as absolute .ts paths. */
export function relativeImports(file: string): string[] {
  return ts
    .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name.replace(/\.js$/, '.ts')))
}
