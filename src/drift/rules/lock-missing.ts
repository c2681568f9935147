import { makeFinding } from '../../model/finding.js'
import type { Rule } from '../rule.js'

export const lockMissingRule: Rule = {
  id: 'lock-missing',
  defaultSeverity: 'warning',
  description:
    'The project declares dependencies but has no lock file, so each run may install other versions.',
  example:
    'requirements.txt:\n  numpy>=1.24\n  pandas\n(and no requirements-lock.txt, uv.lock or poetry.lock)',
  fix: 'Generate a lock: `uv lock`, `poetry lock`, or `uv pip compile requirements.in -o requirements-lock.txt`.',
  check(ctx) {
    if (ctx.locks.length > 0) return []
    const manifest = ctx.manifests.find((m) => m.dependencies.length > 0)
    if (!manifest) return []
    const fix =
      manifest.kind === 'pyproject'
        ? 'Run `uv lock` (or `poetry lock`) and commit the lock file.'
        : `Run \`uv pip compile ${manifest.file} -o requirements-lock.txt\` (or pip-compile) and install from requirements-lock.txt.`
    return [
      makeFinding(this.id, {
        message: `${manifest.file} declares ${manifest.dependencies.length} dependencies but there is no lock file, so each run may resolve other versions.`,
        file: manifest.file,
        line: manifest.dependencies[0]?.line,
        fix,
      }),
    ]
  },
}
