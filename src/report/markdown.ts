/**
 * Escapes user text (package names, messages, paths) for a markdown table cell, so it cannot
 * break the table, inject HTML, links or emphasis, or @-mention anyone.
 */
export function cell(text: string | number | undefined): string {
  if (text === undefined || text === '') return ''
  return String(text)
    .replace(/[\\`*_[\]~!#]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/@/g, '&#64;')
    .replace(/\r?\n|\r/g, ' ')
}

/** Cells that are our own markdown (icons, emphasis), inserted without escaping. */
export class Raw {
  constructor(readonly markdown: string) {}
}

type Cell = string | number | undefined | Raw

export function table(header: string[], rows: Cell[][]): string {
  const render = (value: Cell) => (value instanceof Raw ? value.markdown : cell(value))
  const line = (cells: Cell[]) => `| ${cells.map(render).join(' | ')} |`
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n')
}
