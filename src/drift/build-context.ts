import type { InstalledPackage } from '../model/installed.js'
import type { LockFile } from '../model/lock.js'
import type { Project } from '../model/project.js'
import { readLockText } from '../project/locks/lock-text.js'
import { type Manifest, pyprojectManifest, requirementsManifest } from '../project/parsers/manifest.js'
import type { ProjectFiles } from '../project/read-project-files.js'
import type { ImportFailure } from '../verify/import-smoke.js'
import type { PipCheckProblem } from '../verify/pip-check.js'
import type { SmokeTestOutcome } from '../verify/smoke-test.js'
import type { BaseFileReader } from './base-revision.js'
import type { BaseRevision, DriftContext } from './context.js'

export interface DriftFacts {
  project: Project
  pythonVersion?: string
  installed?: InstalledPackage[]
  toolVersions?: Record<string, string>
  pipCheck?: PipCheckProblem[]
  importFailures?: ImportFailure[]
  smokeTest?: SmokeTestOutcome
  lockCheck?: DriftContext['lockCheck']
  /** The project's files the rules read, parsed once by the Project stage (readProjectFiles). */
  files: ProjectFiles
  /** Reads files of the pull request's base revision. */
  base?: BaseFileReader
  /** Parses a base revision's lock text; uv/poetry readers plug in here. */
  readLock?: (text: string, file: string) => LockFile | undefined
}

/** The rules' context from what the stages learned; its only I/O is the base revision's files. */
export async function buildDriftContext(facts: DriftFacts): Promise<DriftContext> {
  const files = facts.files
  const ctx: DriftContext = {
    project: facts.project,
    projectName: files.projectName,
    locks: files.locks,
    manifests: files.manifests,
    pythonSources: facts.project.pythonVersionSources,
    pythonVersion: facts.pythonVersion,
    installed: facts.installed,
    toolVersions: facts.toolVersions ?? {},
    lockCheck: facts.lockCheck,
    pipCheck: facts.pipCheck,
    importFailures: facts.importFailures,
    smokeTest: facts.smokeTest,
    dockerfiles: files.dockerfiles,
    preCommit: files.preCommit,
    condaEnvironments: files.condaEnvironments,
  }
  if (facts.base) {
    const readLock =
      facts.readLock ?? ((text: string, file: string) => readLockText(text, file, { lenient: true }))
    ctx.base = await readBase(facts.base, ctx, readLock)
  }
  return ctx
}

async function readBase(
  reader: BaseFileReader,
  ctx: DriftContext,
  readLock: (text: string, file: string) => LockFile | undefined,
): Promise<BaseRevision> {
  const locks: LockFile[] = []
  const changedFiles: string[] = []
  for (const lock of ctx.locks) {
    const text = await reader.read(lock.file)
    if (text === undefined) {
      changedFiles.push(lock.file)
      continue
    }
    const baseLock = safeRead(() => readLock(text, lock.file))
    if (baseLock) locks.push(baseLock)
    const head = lock.packages.map((p) => `${p.name}==${p.version}`).join('\n')
    const before = baseLock?.packages.map((p) => `${p.name}==${p.version}`).join('\n')
    if (head !== before) changedFiles.push(lock.file)
  }
  const manifests: Manifest[] = []
  for (const manifest of ctx.manifests) {
    const text = await reader.read(manifest.file)
    if (text === undefined) continue
    const parse = manifest.kind === 'pyproject' ? pyprojectManifest : requirementsManifest
    const before = safeRead(() => parse(text, manifest.file))
    if (before) manifests.push(before)
  }
  return { ref: reader.ref, locks, manifests, changedFiles }
}

function safeRead<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}
