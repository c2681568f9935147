import { UserError } from '../../errors.js'
import { type FoundVersion, selectionVersion, textLines } from './found-version.js'

/** Reads a Heroku-style `runtime.txt`: `python-3.11.7` on the first non-empty line. */
export function parseRuntimeTxt(text: string, file: string): FoundVersion {
  for (const [index, raw] of textLines(text).entries()) {
    const value = raw.trim()
    if (!value) continue
    const line = index + 1
    const match = /^python-(\S+)$/.exec(value)
    if (!match?.[1]) {
      throw new UserError({
        title: 'Invalid runtime.txt',
        message: `${file}:${line}: '${value}' is not of the form python-X.Y.Z.`,
        file,
        line,
        fix: "Write e.g. 'python-3.11.7'.",
      })
    }
    return selectionVersion(match[1], file, line, "'python-3.11.7'")
  }
  throw new UserError({
    title: 'Empty runtime.txt',
    message: `${file} names no Python version.`,
    file,
    line: 1,
    fix: "Write e.g. 'python-3.11.7' on the first line.",
  })
}
