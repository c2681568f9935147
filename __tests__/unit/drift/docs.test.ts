import * as fs from 'node:fs'
import { expect, it } from '@jest/globals'
import { rulesMarkdown } from '../../../scripts/docs/rules-markdown.js'

it('docs/rules.md is generated from the current rule metadata (npm run docs:rules)', () => {
  expect(fs.readFileSync('docs/rules.md', 'utf8')).toBe(rulesMarkdown())
})
