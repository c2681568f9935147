import { UserError } from '../errors.js'
import { normalizeName, type Requirement } from '../model/requirement.js'

export interface RequirementsInclude {
  kind: 'requirement' | 'constraint'
  path: string
  line: number
}

export interface ParsedRequirements {
  requirements: Requirement[]
  includes: RequirementsInclude[]
  /** Global options such as --index-url, kept for drift rules. */
  options: { name: string; value?: string; line: number }[]
}

const NAME_AND_REST = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+|\.{0,2}\/|file:)/i
const SPECIFIER = /^(?:(?:===|==|!=|~=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*,?\s*)+$/

/**
 * Parses the pip requirements-file format (pip's own grammar: comments, `\` continuations,
 * `-r`/`-c` includes, `-e`, per-line `--hash`, global options). Pure: the caller reads the file.
 */
export function parseRequirements(text: string, file: string): ParsedRequirements {
  const result: ParsedRequirements = { requirements: [], includes: [], options: [] }
  for (const logical of logicalLines(text)) {
    parseLogicalLine(logical, file, result)
  }
  return result
}

interface LogicalLine {
  text: string
  line: number
  endLine: number
}

function logicalLines(text: string): LogicalLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  const lines: LogicalLine[] = []
  let buffer = ''
  let start = 0
  physical.forEach((raw, index) => {
    if (buffer === '') start = index + 1
    // A comment ends the line even when it ends with a backslash (pip strips comments first).
    const withoutComment = stripComment(raw)
    if (withoutComment.endsWith('\\')) {
      buffer += `${withoutComment.slice(0, -1)} `
      return
    }
    buffer += withoutComment
    const trimmed = buffer.trim()
    if (trimmed) lines.push({ text: trimmed, line: start, endLine: index + 1 })
    buffer = ''
  })
  const rest = buffer.trim()
  if (rest) lines.push({ text: rest, line: start, endLine: physical.length })
  return lines
}

function stripComment(line: string): string {
  if (/^\s*#/.test(line)) return ''
  return line.replace(/(^|\s)#.*$/, '').trimEnd()
}

function parseLogicalLine(logical: LogicalLine, file: string, out: ParsedRequirements): void {
  const { text, line } = logical
  const tokens = text.split(/\s+/)
  const first = tokens[0] ?? ''
  const include = /^(-r|--requirement|-c|--constraint)(?:=(.*))?$/.exec(first)
  if (include) {
    const target = include[2] || tokens[1]
    if (!target)
      throw lineError(file, line, `'${first}' needs a file name`, `Write '${first} other-requirements.txt'.`)
    out.includes.push({
      kind: first.startsWith('-c') || first === '--constraint' ? 'constraint' : 'requirement',
      path: target,
      line,
    })
    return
  }
  if (first === '-e' || first === '--editable' || first.startsWith('--editable=')) {
    const target = first.startsWith('--editable=') ? first.slice('--editable='.length) : tokens[1]
    if (!target)
      throw lineError(file, line, `'${first}' needs a path or URL`, "Write '-e .' or '-e path/to/project'.")
    out.requirements.push({ ...fromUrl(target, logical), editable: true })
    return
  }
  if (first.startsWith('-')) {
    const [name = first, value] = first.includes('=') ? first.split(/=(.*)/s, 2) : [first, tokens[1]]
    checkGlobalOption(name, value, file, line)
    out.options.push({ name, value, line })
    return
  }
  out.requirements.push(parseRequirementLine(logical, file))
}

/** The `--hash` values of a requirement line, and the line without them and pip's build options. */
function takeLineOptions(text: string): { hashes: string[]; body: string } {
  const hashes: string[] = []
  const hashPattern = /\s--hash[=\s]\s*([^\s]+)/g
  const body = ` ${text}`
    .replace(hashPattern, (_match, hash: string) => {
      hashes.push(hash)
      return ''
    })
    .replace(/\s--(?:config-settings|global-option|install-option)[=\s]\s*[^\s]+/g, '')
    .trim()
  return { hashes, body }
}

function parseRequirementLine(logical: LogicalLine, file: string): Requirement {
  const { hashes, body } = takeLineOptions(logical.text)
  const [requirementPart = '', markerPart] = splitMarker(body)
  if (URL_LIKE.test(requirementPart))
    return { ...fromUrl(requirementPart, logical), hashes, marker: markerPart }
  const match = NAME_AND_REST.exec(requirementPart)
  if (!match) {
    throw lineError(
      file,
      logical.line,
      `'${logical.text}' is not a valid requirement`,
      'Write it as name==version, e.g. numpy==1.26.4.',
    )
  }
  const [, rawName = '', rawExtras, restRaw = ''] = match
  let rest = restRaw.trim()
  let url: string | undefined
  if (rest.startsWith('@')) {
    url = rest.slice(1).trim()
    rest = ''
  }
  const option = /(?:^|\s)(--?[A-Za-z][\w-]*)/.exec(rest)?.[1]
  if (option) {
    throw lineError(
      file,
      logical.line,
      option === '--hash'
        ? `'--hash' needs a value`
        : `'${option}' is not an option pip accepts after a requirement`,
      option === '--hash'
        ? 'Write --hash=sha256:<hex digest> (pip hash <file> prints it), or remove it.'
        : 'Remove it, or move a global option (e.g. --index-url) to a line of its own.',
    )
  }
  const unwrapped = rest.replace(/^\((.*)\)$/, '$1').trim()
  const specifier = unwrapped.replace(/\s+/g, '')
  // checked as written: `numpy==1.0 junk` must not pass as the version '1.0junk'
  if (specifier && !SPECIFIER.test(unwrapped)) {
    throw lineError(
      file,
      logical.line,
      `'${logical.text}' has an invalid version specifier '${rest}'`,
      `Write it as ${rawName}==<version>.`,
    )
  }
  return {
    name: normalizeName(rawName),
    specifier,
    marker: markerPart,
    extras: parseExtras(rawExtras),
    hashes,
    editable: false,
    url,
    line: logical.line,
    endLine: logical.endLine,
    text: logical.text,
  }
}

/** pip's requirements-file options (pip/_internal/req/req_file.py): the ones that take a value… */
const OPTIONS_WITH_VALUE = new Set([
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--no-binary',
  '--only-binary',
  '--trusted-host',
  '--use-feature',
])
/** …and the flags. Anything else makes pip stop with "no such option". */
const FLAG_OPTIONS = new Set(['--no-index', '--prefer-binary', '--require-hashes', '--pre'])

function checkGlobalOption(name: string, value: string | undefined, file: string, line: number): void {
  if (OPTIONS_WITH_VALUE.has(name)) {
    if (!value)
      throw lineError(file, line, `'${name}' needs a value`, `Write '${name} <value>' or remove the line.`)
    return
  }
  if (FLAG_OPTIONS.has(name)) return
  throw lineError(
    file,
    line,
    `'${name}' is not an option pip accepts in a requirements file`,
    `Remove it, or use one of ${[...OPTIONS_WITH_VALUE, ...FLAG_OPTIONS].join(', ')}.`,
  )
}

function splitMarker(body: string): [string, string | undefined] {
  const index = body.indexOf(';')
  if (index < 0) return [body.trim(), undefined]
  return [body.slice(0, index).trim(), body.slice(index + 1).trim() || undefined]
}

function parseExtras(raw: string | undefined): string[] {
  if (!raw) return []
  return raw
    .slice(1, -1)
    .split(',')
    .map((extra) => normalizeName(extra.trim()))
    .filter(Boolean)
}

function fromUrl(target: string, logical: LogicalLine): Requirement {
  const egg = /#egg=([A-Za-z0-9._-]+)/.exec(target)
  return {
    name: egg?.[1] ? normalizeName(egg[1]) : undefined,
    specifier: '',
    extras: [],
    hashes: [],
    editable: false,
    url: target,
    line: logical.line,
    endLine: logical.endLine,
    text: logical.text,
  }
}

function lineError(file: string, line: number, what: string, fix: string): UserError {
  return new UserError({
    title: 'Invalid requirements file',
    message: `${file}:${line}: ${what}.`,
    file,
    line,
    fix,
  })
}

/** True when the specifier pins one exact version (`==1.2.3` without wildcard, or `===`). */
export function isPinned(requirement: Requirement): boolean {
  return /^===?[^,*]+$/.test(requirement.specifier)
}
