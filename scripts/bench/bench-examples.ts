import * as fs from 'node:fs'
import * as path from 'node:path'

/**
 * How the benchmark drives each example: the raw commands a user would type instead of the
 * action, the modules to import once the env is there, and how to change one pin.
 * An example folder without a recipe here is listed as skipped.
 */
export interface BenchRecipe {
  example: string
  /** argv lists run in the project folder with `python` = the interpreter the action used. */
  rawInstall(python: string, tools: string): string[][]
  /** Modules imported by the raw warm check. */
  imports: string[]
  /** Changes exactly one locked version; undefined when the example has no cheap way to. */
  bumpOnePin?(projectDir: string): void
}

export const RECIPES: BenchRecipe[] = [
  {
    example: 'pip-project',
    rawInstall: (python) => [
      [python, '-m', 'venv', '.venv'],
      ['.venv/bin/python', '-m', 'pip', 'install', '-r', 'requirements.txt'],
    ],
    imports: ['six', 'idna', 'packaging', 'pytest'],
    bumpOnePin: (dir) =>
      replaceInFile(path.join(dir, 'requirements.txt'), 'iniconfig==2.1.0', 'iniconfig==2.0.0'),
  },
  {
    example: 'uv-project',
    rawInstall: (python, tools) => [[path.join(tools, 'uv'), 'sync', '--locked', '--python', python]],
    imports: [],
  },
  {
    example: 'poetry-project',
    rawInstall: (python, tools) => [
      [path.join(tools, 'poetry'), 'env', 'use', python],
      [path.join(tools, 'poetry'), 'install', '--no-interaction'],
    ],
    imports: [],
  },
]

function replaceInFile(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8')
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`)
  fs.writeFileSync(file, text.replace(from, to))
}
