import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/**
 * Regenerates the inputs and outputs tables in README.md from action.yml, between
 * `<!-- inputs:start -->`/`<!-- inputs:end -->` (and outputs). `--check` fails on a difference.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

interface ActionYaml {
  inputs?: Record<string, { description?: string; default?: string | boolean; required?: boolean }>
  outputs?: Record<string, { description?: string }>
}

function escapeCell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
}

export function inputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback = input.default === undefined || input.default === '' ? '' : `\`${String(input.default)}\``
    return `| \`${name}\` | ${escapeCell(input.description ?? '')} | ${fallback} |`
  })
  return ['| Input | Description | Default |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${escapeCell(output.description ?? '')} |`,
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

export function replaceBetween(text: string, marker: string, body: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`
}

function main(): void {
  const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionYaml
  const readmePath = path.join(root, 'README.md')
  const current = fs.readFileSync(readmePath, 'utf8')
  const next = replaceBetween(
    replaceBetween(current, 'inputs', inputsTable(action)),
    'outputs',
    outputsTable(action),
  )
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error(
        'README.md inputs/outputs tables are out of date with action.yml: run `npm run docs` and commit.',
      )
      process.exit(1)
    }
    console.log('README.md tables match action.yml.')
    return
  }
  fs.writeFileSync(readmePath, next)
  console.log('README.md tables regenerated from action.yml.')
}

main()
