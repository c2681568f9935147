import { execFile } from 'node:child_process'
import * as os from 'node:os'
import * as core from '@actions/core'

/** A top-level module of a direct dependency that raised on import. */
export interface ImportFailure {
  distribution: string
  module: string
  /** `ExceptionType: message`. */
  error: string
}

/**
 * One Python process maps each distribution to its top-level modules (importlib.metadata:
 * packages_distributions, else top_level.txt) and imports them, keeping stdout clean for the JSON.
 */
const SCRIPT = `
import importlib, json, re, sys
import importlib.metadata as md
real_stdout, sys.stdout = sys.stdout, sys.stderr
norm = lambda name: re.sub(r"[-_.]+", "-", name).lower()
wanted = json.loads(sys.argv[1])
skip = {"tests", "test", "docs", "doc", "examples", "benchmarks", "scripts"}
by_dist = {}
try:
    for module, dists in md.packages_distributions().items():
        for dist in dists:
            by_dist.setdefault(norm(dist), set()).add(module)
except Exception:
    pass
failures, checked = [], 0
for dist in wanted:
    modules = set(by_dist.get(dist, ()))
    if not modules:
        try:
            modules = set((md.distribution(dist).read_text("top_level.txt") or "").split())
        except Exception:
            modules = set()
    for module in sorted(m for m in modules if m.isidentifier() and not m.startswith("_") and m not in skip):
        checked += 1
        try:
            importlib.import_module(module)
        except BaseException as error:
            failures.append({"distribution": dist, "module": module, "error": (type(error).__name__ + ": " + str(error))[:500]})
real_stdout.write(json.dumps({"checked": checked, "failures": failures}))
`

export interface ImportSmokeResult {
  checked: number
  failures: ImportFailure[]
}

const TIMEOUT_MS = 180_000

/** Imports the top-level modules of the given distributions inside the environment's Python. */
export async function runImportSmoke(
  python: string,
  distributions: readonly string[],
  env: Record<string, string>,
): Promise<ImportSmokeResult> {
  if (distributions.length === 0) return { checked: 0, failures: [] }
  // -I: the project folder must not shadow installed modules; run from a neutral directory too.
  const args = ['-I', '-c', SCRIPT, JSON.stringify(distributions)]
  return new Promise((resolve) => {
    execFile(
      python,
      args,
      { env, cwd: os.tmpdir(), timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        try {
          const parsed = JSON.parse(stdout) as ImportSmokeResult
          core.info(
            `Import smoke: ${parsed.checked} modules of ${distributions.length} direct dependencies, ${parsed.failures.length} failed.`,
          )
          resolve(parsed)
        } catch {
          core.warning(
            `The import smoke test did not finish (${error?.message ?? 'no output'}); imports were not checked.`,
          )
          resolve({ checked: 0, failures: [] })
        }
      },
    )
  })
}
