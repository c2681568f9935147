// Writes docs/rules.md from the rule metadata (src/drift/registry.ts); `--check` fails when it is stale.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { RULES } from '../src/drift/registry.js'
import { rulesMarkdown } from './docs/rules-markdown.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const target = path.join(root, 'docs', 'rules.md')

const generated = rulesMarkdown()
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
  if (current !== generated) {
    process.stderr.write(
      'docs/rules.md is out of date with the rule metadata: run `npm run docs:rules` and commit it.\n',
    )
    process.exit(1)
  }
  process.stdout.write(`docs/rules.md is up to date (${RULES.length} rules).\n`)
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, generated)
  process.stdout.write(`wrote docs/rules.md (${RULES.length} rules)\n`)
}
