import { driftVersion, type FoundVersion, textLines } from './found-version.js'

const FROM_PYTHON = /^\s*FROM\s+(?:--\S+\s+)*(?:(?:docker\.io\/)?library\/)?python:(\d+(?:\.\d+){0,2})[^\s]*/i

/** `FROM python:3.11-slim` → 3.11, for drift. Other images and `latest` are skipped. */
export function parseDockerfilePython(text: string): FoundVersion[] {
  const found: FoundVersion[] = []
  for (const [index, raw] of textLines(text).entries()) {
    const match = FROM_PYTHON.exec(raw)
    const version = match?.[1] && driftVersion(match[1], index + 1)
    if (version) found.push(version)
  }
  return found
}
