import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../errors.js'
import type { ManagerCacheHooks, ManagerContext } from '../managers/types.js'
import { relativePosix } from '../paths.js'
import type { KeyFile } from './key.js'

/**
 * The files whose content keys the cache: the manager's lock / manifest / requirements, or,
 * when the user gave `cache-dependency-glob`, the files those globs match (relative to the
 * working directory; `!pattern` excludes).
 */
export async function readKeyFiles(ctx: ManagerContext, hooks: ManagerCacheHooks): Promise<KeyFile[]> {
  const globs = ctx.inputs.cacheDependencyGlob
  const paths =
    globs.length > 0 ? await matchGlobs(globs, ctx.project.root, ctx.project.workspace) : hooks.keyFiles(ctx)
  if (globs.length > 0 && paths.length === 0) {
    core.warning(
      `Input 'cache-dependency-glob' matched no files in ${ctx.project.root}; the cache key then ignores the dependencies.`,
    )
  }
  return paths
    .filter((file) => fs.existsSync(file) && fs.statSync(file).isFile())
    .map((file) => ({ file: relativePosix(ctx.project.workspace, file), content: fs.readFileSync(file) }))
}

async function matchGlobs(patterns: string[], root: string, workspace: string): Promise<string[]> {
  const absolute = patterns.map((pattern) =>
    pattern.startsWith('!') ? `!${path.resolve(root, pattern.slice(1))}` : path.resolve(root, pattern),
  )
  // loaded only for cache-dependency-glob, not at start-up
  const glob = await import('@actions/glob')
  const globber = await glob.create(absolute.join('\n'), { matchDirectories: false })
  try {
    return (await globber.glob()).sort()
  } catch (error) {
    const { code, path: where } = error as NodeJS.ErrnoException
    if (code !== 'ELOOP' || !where) throw error
    const file = relativePosix(workspace, where)
    const pattern = relativePosix(root, where)
    throw new UserError({
      title: 'Symbolic link loop',
      message: `cache-dependency-glob reached ${file}, a symbolic link loop`,
      file,
      fix: `Delete the link ${file}, or exclude it with '!${pattern}' in cache-dependency-glob.`,
    })
  }
}
