import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

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
  /** Inputs the action needs here (e.g. the loopback uv mirror). */
  inputs?(services: { uvMirror: string }): Record<string, string>
}

const locks = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '__fixtures__', 'locks')

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
    imports: ['six', 'idna', 'pytest'],
    // the same lock with iniconfig 2.1.0 (uv lock --upgrade-package), as the e2e test uses
    bumpOnePin: (dir) =>
      fs.copyFileSync(path.join(locks, 'uv-project.iniconfig-2.1.0.uv.lock'), path.join(dir, 'uv.lock')),
    inputs: ({ uvMirror }) => ({ 'uv-mirror': uvMirror }),
  },
  {
    example: 'poetry-project',
    // what a workflow without the action runs on a fresh runner: Poetry itself, then the install
    rawInstall: (python) => [
      [python, '-m', 'venv', '.poetry-tool'],
      ['.poetry-tool/bin/python', '-m', 'pip', 'install', '-q', 'poetry==2.5.1'],
      ['.poetry-tool/bin/poetry', 'env', 'use', python],
      ['.poetry-tool/bin/poetry', 'install', '--no-interaction'],
    ],
    imports: ['attrs', 'six', 'pytest'],
    bumpOnePin: (dir) =>
      fs.copyFileSync(
        path.join(locks, 'poetry-project.iniconfig-2.1.0.poetry.lock'),
        path.join(dir, 'poetry.lock'),
      ),
  },
]

function replaceInFile(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8')
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`)
  fs.writeFileSync(file, text.replace(from, to))
}
