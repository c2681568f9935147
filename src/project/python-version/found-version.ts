import { UserError } from '../../errors.js'
import { parsePythonSpec } from '../../model/python-spec.js'

/** One version a parser found, at the line it was written on. */
export interface FoundVersion {
  value: string
  line: number
  /** PEP 440 form of `value` (poetry's `||` alternatives joined with ' || '). */
  specifier: string
}

/** A version in a file that chooses the Python: anything else is the user's mistake, at file:line. */
export function selectionVersion(value: string, file: string, line: number, example: string): FoundVersion {
  const spec = parsePythonSpec(value)
  if (!spec) {
    throw new UserError({
      title: 'Invalid Python version',
      message: `${file}:${line}: '${value}' is not a Python version.`,
      file,
      line,
      fix: `Write a version such as ${example}.`,
    })
  }
  return { value, line, specifier: spec.specifiers.join(' || ') }
}

/** A version in a file only compared for drift: values we cannot read (e.g. `latest`) are skipped. */
export function driftVersion(value: string, line: number): FoundVersion | undefined {
  const spec = parsePythonSpec(value)
  return spec ? { value, line, specifier: spec.specifiers.join(' || ') } : undefined
}

/** Splits text into lines the way editors number them (a BOM and any line ending). */
export function textLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
}
