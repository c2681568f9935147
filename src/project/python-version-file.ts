import { UserError } from '../errors.js'
import { type FoundVersion, selectionVersion, textLines } from './python-version/found-version.js'

/**
 * Reads a pyenv-style `.python-version`: one version per line, `#` comments; the first line
 * chooses the Python (pyenv's own `system` and virtualenv names are skipped).
 */
export function parsePythonVersionFile(text: string, file: string): FoundVersion {
  const lines = textLines(text)
  for (const [index, raw] of lines.entries()) {
    // pyenv reads whitespace-separated words: `3.11 3.12` means 3.11 first (a range such as
    // `>=3.10, <3.13` keeps its spaces)
    const line = raw.replace(/#.*$/, '').trim()
    const value = /^\d[\w.]*(?:\s+\d[\w.]*)+$/.test(line) ? (line.split(/\s+/)[0] ?? line) : line
    if (!value || value === 'system' || value.includes('/')) continue
    return selectionVersion(value, file, index + 1, "'3.11' or '3.11.7'")
  }
  throw new UserError({
    title: 'Empty Python version file',
    message: `${file} names no Python version.`,
    file,
    line: 1,
    fix: `Write the version on the first line, e.g. 'echo 3.11 > ${file}'.`,
  })
}
