import { listTarGz, type TarEntry } from './tar-entries.js'

/**
 * Why a member would land outside the folder the archive is extracted into, or undefined when
 * every member stays inside: absolute names, `..` that climbs out, symlinks whose target leaves
 * the folder (directly or by climbing through another symlink of the archive), hardlinks to
 * anything but another member, and device files. Checked on the names alone, before
 * extraction, so nothing is written when the archive is refused.
 */
export function archiveEscape(entries: readonly TarEntry[]): string | undefined {
  const symlinks = new Set(
    entries.filter((entry) => entry.type === 'symlink').map((entry) => normalized(entry.name)),
  )
  for (const entry of entries) {
    const where = segments(entry.name, [])
    if (isAbsolute(entry.name) || where === undefined) return `'${entry.name}' points outside the folder`
    if (entry.type === 'other') return `'${entry.name}' is a device or special file`
    const link = entry.linkname ?? ''
    if (entry.type === 'hardlink') {
      if (isAbsolute(link) || segments(link, []) === undefined)
        return `hardlink '${entry.name}' -> '${link}' points outside the folder`
    }
    if (entry.type === 'symlink') {
      if (isAbsolute(link)) return `symlink '${entry.name}' -> '${link}' is absolute`
      if (segments(link, where.slice(0, -1), symlinks) === undefined)
        return `symlink '${entry.name}' -> '${link}' points outside the folder`
    }
  }
  return undefined
}

/** Lists a .tar.gz and throws when a member would escape the extraction folder. */
export async function assertSafeTarGz(file: string): Promise<void> {
  let entries: TarEntry[]
  try {
    entries = await listTarGz(file)
  } catch (error) {
    throw new Error(`the archive is not a readable tar.gz (${(error as Error).message})`)
  }
  const problem = archiveEscape(entries)
  if (problem) throw new UnsafeArchiveError(problem)
}

export class UnsafeArchiveError extends Error {
  constructor(problem: string) {
    super(`the archive was refused: ${problem}`)
    this.name = 'UnsafeArchiveError'
  }
}

function isAbsolute(name: string): boolean {
  return /^([/\\]|[A-Za-z]:)/.test(name)
}

function normalized(name: string): string {
  return (segments(name, []) ?? []).join('/')
}

/**
 * The path segments of `name` resolved from `from` (segments), or undefined when it climbs
 * above the folder, or climbs out of a member that is itself a symlink (whose real parent is
 * not the lexical one).
 */
function segments(name: string, from: string[], symlinks?: Set<string>): string[] | undefined {
  const stack = [...from]
  for (const part of name.split(/[/\\]+/)) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (stack.length === 0) return undefined
      if (symlinks?.has(stack.join('/'))) return undefined
      stack.pop()
    } else stack.push(part)
  }
  return stack
}
