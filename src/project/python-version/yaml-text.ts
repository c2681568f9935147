import { type Document, LineCounter, parseDocument } from 'yaml'
import { UserError } from '../../errors.js'

export interface YamlText {
  doc: Document
  /** 1-based line of a character offset. */
  lineAt(offset: number | undefined): number
}

/** Parses YAML keeping positions; a syntax error becomes a UserError at the file and line. */
export function parseYamlText(text: string, file: string): YamlText {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false })
  const first = doc.errors[0]
  if (first) {
    const line = counter.linePos(first.pos[0]).line
    throw new UserError({
      title: 'Invalid YAML',
      message: `${file}:${line}: ${first.message.split('\n')[0]}`,
      file,
      line,
      fix: `Fix the YAML syntax at ${file} line ${line}.`,
    })
  }
  return { doc, lineAt: (offset) => (offset === undefined ? 1 : counter.linePos(offset).line) }
}
