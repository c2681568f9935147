/** Parses what an action printed on stdout the way the runner does: `::command props::message`. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  endLine?: number
  title?: string
}

export interface ParsedLog {
  annotations: Annotation[]
  masks: string[]
}

const COMMAND = /^::(error|warning|notice|add-mask)(?: ([^:]*))?::(.*)$/

export function parseWorkflowCommands(stdout: string): ParsedLog {
  const result: ParsedLog = { annotations: [], masks: [] }
  for (const line of stdout.split(/\r?\n/)) {
    const match = COMMAND.exec(line)
    if (!match) continue
    const [, command = '', props = '', data = ''] = match
    if (command === 'add-mask') {
      result.masks.push(unescapeData(data))
      continue
    }
    const properties = parseProperties(props)
    const annotation: Annotation = { level: command as Annotation['level'], message: unescapeData(data) }
    if (properties.file) annotation.file = properties.file
    if (properties.line) annotation.line = Number(properties.line)
    if (properties.endLine) annotation.endLine = Number(properties.endLine)
    if (properties.title) annotation.title = properties.title
    result.annotations.push(annotation)
  }
  return result
}

function parseProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {}
  if (!text) return properties
  for (const pair of text.split(',')) {
    const index = pair.indexOf('=')
    if (index > 0) properties[pair.slice(0, index)] = unescapeProperty(pair.slice(index + 1))
  }
  return properties
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
}
