import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

/** Writes `files` (relative path → text) below `root`, making the folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
}

/** A fresh temp folder holding `files`. */
export function fileTree(files: Record<string, string>, prefix = 'spe-tree-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  writeFiles(root, files)
  return root
}
