import type { DriftContext } from '../../../src/drift/context.js'
import type { LockedPackage, LockFile } from '../../../src/model/lock.js'

/** A drift context with nothing in it; tests override what they need. */
export function driftContext(overrides: Partial<DriftContext> = {}): DriftContext {
  return {
    project: { workspace: '/w', root: '/w', manager: 'pip', requirementsFiles: [] },
    locks: [],
    manifests: [],
    pythonSources: [],
    toolVersions: {},
    dockerfiles: [],
    condaEnvironments: [],
    ...overrides,
  }
}

/** A requirements lock from `name==version` pairs, one per line starting at line 1. */
export function lock(
  file: string,
  pins: Record<string, string>,
  kind: LockFile['kind'] = 'requirements',
): LockFile {
  const packages: LockedPackage[] = Object.entries(pins).map(([name, version], i) => ({
    name,
    version,
    file,
    line: i + 1,
  }))
  return { kind, file, packages }
}
