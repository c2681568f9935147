import * as fs from 'node:fs'
import type { ManagerContext } from './types.js'

/* What the cache hooks of several managers share. */

/** The version of the tool main installed (uv, poetry), known before the install runs. */
export async function installedToolVersion(ctx: ManagerContext): Promise<string> {
  return ctx.tool?.version ?? 'unknown'
}

/** The download cache stored next to the env: the folder the action owns, when caching is on. */
export function downloadCacheDirs(ctx: ManagerContext): string[] {
  return ctx.caching ? [ctx.caching.downloadDir] : []
}

/** The key files that exist, each once. */
export function existingFiles(files: readonly string[]): string[] {
  return [...new Set(files)].filter((file) => fs.existsSync(file))
}
