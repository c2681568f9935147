import * as path from 'node:path'

/** A path relative to `base` with forward slashes, as GitHub wants in annotations. */
export function relativePosix(base: string, target: string): string {
  const rel = path.relative(base, target)
  return rel.split(path.sep).join('/')
}
