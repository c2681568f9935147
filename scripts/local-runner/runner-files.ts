import * as fs from 'node:fs'

/**
 * Reads a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file: `name=value` lines and
 * `name<<DELIMITER` … `DELIMITER` blocks, as @actions/core writes them.
 */
export function readKeyValueFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {}
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/)
  const values: Record<string, string> = {}
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const body: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i] ?? '')
      values[name] = body.join('\n')
      continue
    }
    const index = line.indexOf('=')
    if (index > 0) values[line.slice(0, index)] = line.slice(index + 1)
  }
  return values
}

/** GITHUB_PATH: one directory per line, latest first when prepended to PATH. */
export function readPathFile(file: string): string[] {
  if (!fs.existsSync(file)) return []
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
}
