import * as path from 'node:path'
import type { LockFile } from '../../model/lock.js'
import { relativePosix } from '../../paths.js'
import { readTextFile } from '../read-requirements-files.js'
import { parsePoetryLock } from './poetry-lock.js'
import { parseUvLock } from './uv-lock.js'

/** Reads uv.lock or poetry.lock (chosen by file name) into the shared LockFile. */
export function readLock(absolutePath: string | undefined, workspace: string): LockFile | undefined {
  if (!absolutePath) return undefined
  const file = relativePosix(workspace, absolutePath)
  const text = readTextFile(absolutePath, file)
  return path.basename(absolutePath) === 'poetry.lock' ? parsePoetryLock(text, file) : parseUvLock(text, file)
}
