import { parse, TomlError } from 'smol-toml'
import { UserError } from '../../errors.js'
import { textLines } from './found-version.js'

/** Parses TOML text; a syntax error becomes a UserError at the file and line. */
export function parseTomlText(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0] ?? 'invalid TOML'
      throw new UserError({
        title: 'Invalid TOML',
        message: `${file}:${error.line}: ${reason}`,
        file,
        line: error.line,
        fix: `Fix the TOML syntax at ${file} line ${error.line}.`,
      })
    }
    throw error
  }
}

/**
 * The line where `key` is assigned inside `[table]` (smol-toml keeps no positions), and the
 * value's text as written (so `python_version = 3.10` is not read as the float 3.1).
 */
export function findTomlKey(
  text: string,
  table: string,
  key: string,
): { line: number; raw: string } | undefined {
  let current = ''
  const keyPattern = new RegExp(`^\\s*["']?${escapeRegExp(key)}["']?\\s*=\\s*(.*)$`)
  for (const [index, raw] of textLines(text).entries()) {
    const header = /^\s*\[\s*([^\][]+?)\s*\]\s*(#.*)?$/.exec(raw)
    if (header?.[1]) {
      current = header[1].replace(/["'\s]/g, '')
      continue
    }
    if (current !== table) continue
    const match = keyPattern.exec(raw)
    if (match) return { line: index + 1, raw: (match[1] ?? '').replace(/\s+#.*$/, '').trim() }
  }
  return undefined
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Reads `table.sub.key` from parsed TOML without trusting its shape. */
export function tomlGet(data: Record<string, unknown>, dotted: string): unknown {
  let node: unknown = data
  for (const part of dotted.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}
