import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from '@jest/globals'
import * as esbuild from 'esbuild'
import { withSourceLocations } from '../../src/source-map-stack.js'

const repoRoot = path.resolve(import.meta.dirname, '..', '..')
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-source-map-'))
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }))

describe('withSourceLocations', () => {
  it('maps the frames of a minified bundle with an unlinked .map back to the TypeScript lines', async () => {
    // built the way scripts/build.mjs builds dist/: minified, external map, no sourceMappingURL
    fs.mkdirSync(path.join(temp, 'src'), { recursive: true })
    fs.writeFileSync(
      path.join(temp, 'src', 'boom.ts'),
      [
        'export function inner(n: number): number {',
        "  if (n > 1) throw new Error('boom')",
        '  return n',
        '}',
        'export function outer(): number {',
        '  return inner(2) + 1',
        '}',
        'try { outer() } catch (error) { console.log((error as Error).stack) }',
        '',
      ].join('\n'),
    )
    await esbuild.build({
      absWorkingDir: temp,
      entryPoints: ['src/boom.ts'],
      outdir: path.join(temp, 'dist'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      minify: true,
      sourcemap: 'external',
      sourcesContent: false,
      logLevel: 'silent',
    })
    const stack = execFileSync(process.execPath, [path.join(temp, 'dist', 'boom.js')], { encoding: 'utf8' })
    expect(stack).toMatch(/boom\.js:1:\d+/)
    const mapped = withSourceLocations(stack)
    expect(mapped).toContain('Error: boom')
    expect(mapped).toMatch(/src\/boom\.ts:2:\d+/)
    expect(mapped).toMatch(/src\/boom\.ts:6:\d+/)
    expect(mapped).not.toMatch(/boom\.js:1:/)
  })

  it('leaves frames without a map as they are', () => {
    const stack =
      'Error: x\n    at f (node:internal/fs:12:3)\n    at g (/nowhere/app.js:4:5)\n    at file:///nowhere/b.mjs:1:2'
    expect(withSourceLocations(stack)).toBe(stack)
  })

  it('maps positions of the committed dist/ (its maps match its bundles) into src/', () => {
    const post = path.join(repoRoot, 'dist', 'post.js')
    const text = fs.readFileSync(post, 'utf8')
    const lines = text.split('\n')
    const line = lines.findIndex((l) => l.includes('did not run far enough'))
    const column = lines[line]?.indexOf('did not run far enough') ?? -1
    const frame = `    at x (${pathToFileURL(post).href}:${line + 1}:${column + 1})`
    expect(withSourceLocations(frame)).toMatch(/^ {4}at x \(src\/post\.ts:\d+:\d+\)$/)
  })

  it('is not on the start-up path: no bundle links its map', () => {
    const dist = path.join(repoRoot, 'dist')
    const bundles = fs
      .readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
    expect(bundles.length).toBeGreaterThan(1)
    for (const file of bundles) {
      expect(fs.existsSync(path.join(dist, `${file}.map`))).toBe(true)
      expect(fs.readFileSync(path.join(dist, file), 'utf8')).not.toContain('sourceMappingURL')
    }
  })
})
