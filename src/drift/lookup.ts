import type { LockedPackage } from '../model/lock.js'
import { normalizeName } from '../model/requirement.js'
import type { DriftContext } from './context.js'

/** The first lock entry of each package name, across the project's locks. */
export function lockedPackages(ctx: Pick<DriftContext, 'locks'>): Map<string, LockedPackage> {
  const map = new Map<string, LockedPackage>()
  for (const lock of ctx.locks) {
    for (const pkg of lock.packages) if (!map.has(pkg.name)) map.set(pkg.name, pkg)
  }
  return map
}

/** Every package name the project asks for anywhere: locks, manifests, requirements, conda files. */
export function projectDependsOn(ctx: DriftContext, names: readonly string[]): string[] {
  const wanted = new Set(names.map(normalizeName))
  const found = new Set<string>()
  const see = (name: string | undefined) => {
    if (name && wanted.has(normalizeName(name))) found.add(normalizeName(name))
  }
  for (const lock of ctx.locks) for (const pkg of lock.packages) see(pkg.name)
  for (const manifest of ctx.manifests) for (const dep of manifest.dependencies) see(dep.name)
  for (const env of ctx.condaEnvironments)
    for (const dep of env.dependencies) see(/^[A-Za-z0-9_.-]+/.exec(dep.spec)?.[0])
  return [...found]
}

/** The version part of a PEP 440 version, without local/pre parts: '2.1.0rc1' → [2, 1, 0]. */
export function releaseParts(version: string): number[] {
  const release = /^\s*v?(?:\d+!)?(\d+(?:\.\d+)*)/i.exec(version)?.[1] ?? ''
  return release ? release.split('.').map(Number) : []
}
