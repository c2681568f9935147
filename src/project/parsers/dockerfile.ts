/** A Dockerfile read into instructions with their lines, enough for the docker-* rules. */
export interface DockerInstruction {
  /** Upper-cased keyword, e.g. FROM, RUN. */
  keyword: string
  /** Everything after the keyword, continuations joined. */
  args: string
  line: number
  endLine: number
}

export interface Dockerfile {
  /** Path relative to the workspace. */
  file: string
  instructions: DockerInstruction[]
}

export interface BaseImage {
  image: string
  tag?: string
  digest?: string
  /** The `AS name` of the stage, if any. */
  stage?: string
  line: number
}

/** Splits a Dockerfile into instructions: `#` comments, `\` continuations, any-case keywords. */
export function parseDockerfile(text: string, file: string): Dockerfile {
  const instructions: DockerInstruction[] = []
  const lines = text.split(/\r?\n/)
  let buffer = ''
  let start = 0
  lines.forEach((raw, index) => {
    const trimmed = raw.trim()
    if (buffer === '' && (trimmed === '' || trimmed.startsWith('#'))) return
    if (buffer !== '' && trimmed.startsWith('#')) return
    if (buffer === '') start = index + 1
    if (trimmed.endsWith('\\')) {
      buffer += `${trimmed.slice(0, -1)} `
      return
    }
    buffer += trimmed
    pushInstruction(instructions, buffer, start, index + 1)
    buffer = ''
  })
  if (buffer.trim()) pushInstruction(instructions, buffer, start, lines.length)
  return { file, instructions }
}

function pushInstruction(out: DockerInstruction[], text: string, line: number, endLine: number): void {
  const match = /^(\S+)\s*(.*)$/s.exec(text.trim())
  if (!match) return
  out.push({ keyword: (match[1] ?? '').toUpperCase(), args: (match[2] ?? '').trim(), line, endLine })
}

/** The FROM lines, with image, tag, digest and stage name; `--platform=` flags are skipped. */
export function baseImages(dockerfile: Dockerfile): BaseImage[] {
  const images: BaseImage[] = []
  for (const instruction of dockerfile.instructions) {
    if (instruction.keyword !== 'FROM') continue
    const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'))
    const reference = words[0] ?? ''
    const stage = words[1]?.toLowerCase() === 'as' ? words[2] : undefined
    const [nameAndTag = '', digest] = reference.split('@')
    const lastSlash = nameAndTag.lastIndexOf('/')
    const colon = nameAndTag.indexOf(':', lastSlash + 1)
    images.push({
      image: colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag,
      tag: colon >= 0 ? nameAndTag.slice(colon + 1) : undefined,
      digest,
      stage,
      line: instruction.line,
    })
  }
  return images
}
