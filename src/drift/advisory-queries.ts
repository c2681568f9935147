import type { PackageQuery } from '../advisories/osv-types.js'
import { normalizeName } from '../model/requirement.js'
import type { DriftContext } from './context.js'
import { lockedPackages } from './lookup.js'

/**
 * The package versions to ask the advisory service about: what is installed (else what is
 * locked), plus, on pull requests, the base revision's versions of packages the PR changes, so
 * the dependency-changes table can say which advisories a change fixes.
 */
export function advisoryQueries(ctx: DriftContext): PackageQuery[] {
  const own = ctx.projectName ? normalizeName(ctx.projectName) : undefined
  const head = headPackages(ctx).filter((q) => q.name !== own)
  const queries = [...head]
  if (ctx.base) {
    const headVersions = new Map(head.map((q) => [q.name, q.version]))
    for (const pkg of lockedPackages(ctx.base).values())
      if (pkg.name !== own && headVersions.get(pkg.name) !== pkg.version)
        queries.push({ name: pkg.name, version: pkg.version })
  }
  return queries
}

/** The versions this run actually has: the installed set, else the locked set. */
export function headPackages(ctx: Pick<DriftContext, 'installed' | 'locks'>): PackageQuery[] {
  if (ctx.installed)
    return ctx.installed.map((pkg) => ({ name: normalizeName(pkg.name), version: pkg.version }))
  return [...lockedPackages(ctx).values()].map((pkg) => ({ name: pkg.name, version: pkg.version }))
}
