import { UserError } from '../errors.js'
import { type FoundVersion, selectionVersion, textLines } from './python-version/found-version.js'

/**
 * Reads a pyenv-style `.python-version`: one version per line, `#` comments; the first line
 * chooses the Python (pyenv's own `system` and virtualenv names are skipped).
 */
export function parsePythonVersionFile(text: string, file: string): FoundVersion {
  const lines = textLines(text)
  for (const [index, raw] of lines.entries()) {
    const value = raw.replace(/#.*$/, '').trim()
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
