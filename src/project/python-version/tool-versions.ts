import { UserError } from '../../errors.js'
import { type FoundVersion, selectionVersion, textLines } from './found-version.js'

/**
 * Reads asdf's `.tool-versions`: `python 3.11.7 3.10.4` (the first version is the default).
 * Undefined when the file pins no Python; `system`, `ref:` and `path:` values are not versions
 * we can install and are refused.
 */
export function parseToolVersions(text: string, file: string): FoundVersion | undefined {
  for (const [index, raw] of textLines(text).entries()) {
    const words = raw.replace(/#.*$/, '').trim().split(/\s+/)
    if (words[0] !== 'python') continue
    const line = index + 1
    const first = words[1]
    if (!first) {
      throw new UserError({
        title: 'Invalid .tool-versions',
        message: `${file}:${line}: the python line names no version.`,
        file,
        line,
        fix: "Write e.g. 'python 3.11.7'.",
      })
    }
    return selectionVersion(first, file, line, "'python 3.11.7'")
  }
  return undefined
}
