import * as fs from 'node:fs'
import * as path from 'node:path'
import type { TestLayout, TestLayoutPlace } from '../model/test-layout.js'
import { relativePosix } from '../paths.js'

export type { TestLayout, TestLayoutPlace }

/** Folders no test of the project lives in: environments, caches, build output, VCS. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'site-packages', 'build', 'dist', 'venv', 'env'])
/** Bounds on the walk, so a huge checkout cannot stall the run. */
const MAX_DEPTH = 8
const MAX_ENTRIES = 20_000

const TEST_MODULE = /^(test_.*|.*_test|conftest)\.py$/
const SMOKE_FILE = /^(test_smoke.*|.*_smoke_test)\.py$/
const TESTS_DIR = /^tests?$/
const USES_MARKER = /\bmark\.smoke\b/

/** Reads where the project's smoke tests are; `pyproject` is the already parsed pyproject.toml. */
export function readTestLayout(
  root: string,
  workspace: string,
  pyproject: Record<string, unknown> = {},
): TestLayout {
  const layout: TestLayout = { smokePaths: [] }
  const place = (absolute: string, line?: number) => ({ file: relativePosix(workspace, absolute), line })
  let entries = 0
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH) return
    const children = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const child of children) {
      if (++entries > MAX_ENTRIES) return
      const absolute = path.join(dir, child.name)
      if (child.isDirectory()) {
        if (child.name.startsWith('.') || SKIPPED_DIRS.has(child.name) || isVenv(absolute)) continue
        if (child.name === 'smoke' && TESTS_DIR.test(path.basename(dir)))
          layout.smokePaths.push(relativePosix(root, absolute))
        walk(absolute, depth + 1)
      } else if (child.isFile() && TEST_MODULE.test(child.name)) {
        if (SMOKE_FILE.test(child.name) && !insideSmokeDir(layout.smokePaths, relativePosix(root, absolute)))
          layout.smokePaths.push(relativePosix(root, absolute))
        const line = markerLine(absolute)
        if (line !== undefined) layout.smokeMarkerUsed ??= place(absolute, line)
      }
    }
  }
  walk(root, 0)
  layout.smokePaths.sort()
  layout.smokeMarkerDeclared = declaredInPyproject(pyproject, root, place) ?? declaredInIni(root, place)
  return layout
}

/** A folder with pyvenv.cfg is an environment, whatever its name. */
function isVenv(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pyvenv.cfg'))
}

function insideSmokeDir(smokePaths: string[], file: string): boolean {
  return smokePaths.some((dir) => file.startsWith(`${dir}/`))
}

/** The first line that uses the marker, outside comments. */
function markerLine(file: string): number | undefined {
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const index = lines.findIndex((line) => USES_MARKER.test(line.replace(/#.*$/, '')))
  return index >= 0 ? index + 1 : undefined
}

const DECLARES_SMOKE = /^\s*["']?smoke\s*(:|["']|$)/

function declaredInPyproject(
  pyproject: Record<string, unknown>,
  root: string,
  place: (absolute: string, line?: number) => TestLayoutPlace,
): TestLayoutPlace | undefined {
  const tool = pyproject.tool as { pytest?: { ini_options?: { markers?: unknown } } } | undefined
  const markers = tool?.pytest?.ini_options?.markers
  const list = Array.isArray(markers) ? markers : typeof markers === 'string' ? markers.split('\n') : []
  return list.some((marker) => typeof marker === 'string' && DECLARES_SMOKE.test(marker))
    ? place(path.join(root, 'pyproject.toml'))
    : undefined
}

/** pytest.ini `[pytest]`, tox.ini `[pytest]`, setup.cfg `[tool:pytest]`: a `markers =` entry `smoke`. */
function declaredInIni(
  root: string,
  place: (absolute: string, line?: number) => TestLayoutPlace,
): TestLayoutPlace | undefined {
  for (const [name, section] of [
    ['pytest.ini', 'pytest'],
    ['tox.ini', 'pytest'],
    ['setup.cfg', 'tool:pytest'],
  ] as const) {
    const file = path.join(root, name)
    if (!fs.existsSync(file)) continue
    const line = iniMarkerLine(fs.readFileSync(file, 'utf8'), section)
    if (line !== undefined) return place(file, line)
  }
  return undefined
}

/** The line declaring `smoke` in `markers =` (on the key's line or an indented continuation). */
export function iniMarkerLine(text: string, section: string): number | undefined {
  let inSection = false
  let inMarkers = false
  const lines = text.split(/\r?\n/)
  for (const [index, raw] of lines.entries()) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw)
    if (header) {
      inSection = header[1]?.trim() === section
      inMarkers = false
      continue
    }
    if (!inSection) continue
    const key = /^(\w[\w-]*)\s*[=:]\s*(.*)$/.exec(raw)
    if (key) {
      inMarkers = key[1] === 'markers'
      if (inMarkers && DECLARES_SMOKE.test(key[2] ?? '')) return index + 1
    } else if (inMarkers && /^\s+\S/.test(raw) && DECLARES_SMOKE.test(raw)) return index + 1
  }
  return undefined
}
