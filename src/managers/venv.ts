import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import { runCommand } from '../exec.js'
import { relativePosix } from '../paths.js'
import type { VenvLayout } from './venv-layout.js'

/** Written into every venv the action creates, so it only ever replaces its own. */
export const OWNER_MARKER = '.setup-python-env'

/**
 * Creates a fresh venv at layout.root with the given interpreter. A directory there that the
 * action did not create is the user's and is never deleted.
 */
export async function createVenv(layout: VenvLayout, python: string, workspace: string): Promise<void> {
  if (fs.existsSync(layout.root)) {
    const ours = fs.existsSync(path.join(layout.root, OWNER_MARKER))
    const empty = fs.statSync(layout.root).isDirectory() && fs.readdirSync(layout.root).length === 0
    if (!ours && !empty) {
      const shown = relativePosix(workspace, layout.root)
      throw new UserError({
        title: 'Virtual environment path is taken',
        message: `${shown} already exists and was not created by setup-python-env; it is left untouched.`,
        fix: `Set 'venv-path:' to another folder, or delete ${shown} from the checkout.`,
      })
    }
    fs.rmSync(layout.root, { recursive: true, force: true })
  }
  const result = await runCommand(python, ['-m', 'venv', layout.root])
  if (result.exitCode !== 0) {
    throw new UserError({
      title: 'Could not create the virtual environment',
      message: `'${python} -m venv' failed with exit code ${result.exitCode}: ${result.stderr.trim().split('\n').pop() ?? ''}`,
      fix: 'Use a Python build that ships the venv module (on Debian/Ubuntu: apt-get install python3-venv).',
    })
  }
  fs.writeFileSync(path.join(layout.root, OWNER_MARKER), 'created by setup-python-env\n')
}

/**
 * True when layout.root is a venv this action made for this very interpreter (the marker, and
 * its python resolving to the same program): an env a partial cache hit restored, which an
 * exact syncer (`uv sync`) can bring to the new lock in place instead of starting over.
 */
export function isOwnVenvFor(layout: VenvLayout, python: string): boolean {
  if (!fs.existsSync(path.join(layout.root, OWNER_MARKER)) || !fs.existsSync(layout.python)) return false
  try {
    return fs.realpathSync(layout.python) === fs.realpathSync(python)
  } catch {
    return false
  }
}
