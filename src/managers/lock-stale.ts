import { type Finding, makeFinding } from '../model/finding.js'

/** The `lock-stale` finding: the manifest changed and the lock was not regenerated. */
export function lockStaleFinding(
  lockFile: string,
  manifest: string,
  fix: string,
  installed: string,
): Finding {
  return makeFinding('lock-stale', {
    message: `${lockFile} is out of date with ${manifest}: it was not regenerated after ${manifest} changed. ${installed}`,
    file: lockFile,
    line: 1,
    fix,
  })
}
