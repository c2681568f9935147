// Bundles src/index.ts → <out>/index.js (main) and src/post-index.ts → <out>/post.js (post) with
// esbuild: ESM, minified, tree-shaken. Code loaded with `await import()` (the cache library) goes
// into shared chunks beside them, so a run loads it only when it talks to the cache service.
// Source maps are written as separate .map files without a sourceMappingURL comment: nothing
// reads them at start-up; src/report-failure.ts maps our bug's stack through them when it prints it.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { bundledPackageDirs, licenseText } from './build/licenses.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.resolve(root, process.argv[2] ?? 'dist')

/** undici is only reached through HttpClient.getAgentDispatcher(), which we never call. */
const dropUnusedUndici = {
  name: 'drop-unused-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, (args) =>
      /[/\\]@actions[/\\]http-client[/\\]/.test(args.importer)
        ? { path: path.join(root, 'scripts', 'build', 'unused-undici.mjs') }
        : undefined,
    )
  },
}

fs.rmSync(out, { recursive: true, force: true })
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', post: 'src/post-index.ts' },
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  sourcemap: 'external',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [dropUnusedUndici],
  // CommonJS dependencies inside an ESM bundle still call require() for Node's built-ins.
  banner: {
    js: "import{createRequire as __spe_cr}from'node:module';const require=__spe_cr(import.meta.url);",
  },
})

// Notices per entry point, covering the chunks it may load.
const outputs = result.metafile.outputs
const reachable = (file, seen = new Set()) => {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const next of outputs[file]?.imports ?? [])
    if (next.kind !== 'require-call') reachable(next.path, seen)
  return seen
}
for (const name of ['index', 'post']) {
  const entry = path
    .relative(root, path.join(out, `${name}.js`))
    .split(path.sep)
    .join('/')
  const inputs = [...reachable(entry)].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {}))
  fs.writeFileSync(path.join(out, `${name}.licenses.txt`), licenseText(bundledPackageDirs(root, inputs)))
}
fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n')
console.log(
  `built ${path.relative(root, out)}/: index.js, post.js and ${fs.readdirSync(path.join(out, 'chunks')).length} chunk files`,
)
