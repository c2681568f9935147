import * as fs from 'node:fs'
import { SourceMap, type SourceMapping } from 'node:module'
import { fileURLToPath } from 'node:url'

/**
 * The bundles are minified; scripts/build.mjs writes a `.map` beside each file but links none, so
 * start-up never reads them (Node only would with --enable-source-maps, which an action cannot
 * set). When our bug is reported, this rewrites the stack's bundle positions to the TypeScript
 * sources they came from, e.g. `dist/index.js:1:52107` → `src/main.ts:57:10`.
 */
export function withSourceLocations(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>()
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const map = mapFor(maps, file)
    const entry = map?.findEntry(Number(line) - 1, Number(column) - 1)
    if (!isMapping(entry)) return frame
    return `${sourcePath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
  })
}

/** `file:///…/dist/index.js:1:234` or `/…/dist/chunks/x.js:1:234` in a V8 stack frame. */
const FRAME = /((?:file:\/\/)?\/[^\s():]+\.m?js):(\d+):(\d+)/g

function mapFor(maps: Map<string, SourceMap | undefined>, file: string): SourceMap | undefined {
  if (!maps.has(file)) maps.set(file, readMap(file))
  return maps.get(file)
}

function readMap(file: string): SourceMap | undefined {
  try {
    const script = file.startsWith('file://') ? fileURLToPath(file) : file
    return new SourceMap(JSON.parse(fs.readFileSync(`${script}.map`, 'utf8')))
  } catch {
    // no map beside the file (Node's own code, a test run from sources): the frame stays as is
    return undefined
  }
}

function isMapping(entry: SourceMapping | object | undefined): entry is SourceMapping {
  return entry !== undefined && 'originalSource' in entry && typeof entry.originalSource === 'string'
}

/** Sources are relative to the map (`../src/main.ts`): shown from the action's root. */
function sourcePath(source: string): string {
  return source.replace(/^(\.\.\/)+/, '')
}
