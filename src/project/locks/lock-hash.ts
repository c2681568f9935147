import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Project } from '../../model/project.js'

/** The lock file the install followed (relative path) and the sha256 of its bytes, for outputs and keys. */
export function lockIdentity(project: Project): { file: string; hash: string } | undefined {
  const lock = project.lock
  if (!lock) return undefined
  const absolute = project.lockPath ?? path.join(project.workspace, lock.file)
  if (!fs.existsSync(absolute)) return undefined
  return {
    file: lock.file,
    hash: crypto.createHash('sha256').update(fs.readFileSync(absolute)).digest('hex'),
  }
}
