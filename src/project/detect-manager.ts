import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { ManagerChoice } from '../inputs.js'
import { type Finding, makeFinding } from '../model/finding.js'
import type { ManagerName } from '../model/project.js'
import { relativePosix } from '../paths.js'
import { asRecord } from './locks/toml-tables.js'

export type InnerManager = 'uv' | 'poetry' | 'pip'

/** What detection decided, with the files it decided on (absolute paths). */
export interface ManagerDetection {
  manager: ManagerName
  /** Why, for the log: e.g. "uv.lock found". */
  reason: string
  /** Where the manager runs: the uv workspace root for a member, else the project folder. */
  installRoot: string
  lockPath?: string
  /** conda: the environment file, and the manager that installs the locked Python packages. */
  condaFile?: string
  condaInner?: InnerManager
  findings: Finding[]
}

export interface DetectOptions {
  root: string
  workspace: string
  choice: ManagerChoice
  /** Parsed pyproject.toml of `root` (empty when there is none). */
  pyproject: Record<string, unknown>
  /** Reads a TOML file (with user errors on bad syntax). */
  readToml: (absolutePath: string) => Record<string, unknown>
}

export const CONDA_FILES = ['environment.yml', 'environment.yaml', 'conda.yml', 'conda.yaml']
const PROJECT_FILES = ['pyproject.toml', 'setup.py', 'setup.cfg']

/** Detection rules of docs/managers.md, in that order. Only reads the file system. */
export function detectManager(options: DetectOptions): ManagerDetection {
  const { root, workspace, choice } = options
  const shown = (file: string) => relativePosix(workspace, file) || '.'
  const uv = findUvLock(options)
  const poetryLock = existing(path.join(root, 'poetry.lock'))
  const hasToolPoetry = asRecord(asRecord(options.pyproject.tool)?.poetry) !== undefined
  const condaFile = CONDA_FILES.map((name) => path.join(root, name)).find((file) => existing(file))
  const base = { installRoot: root, findings: [] as Finding[] }

  if (choice === 'auto' && uv && poetryLock && uv.root === root)
    throw twoLocks(shown, root, uv.lock, poetryLock)
  const forced = choice === 'auto' ? undefined : choice
  if (forced === 'conda' || (!forced && condaFile)) {
    if (!condaFile)
      throw missing('conda', `${CONDA_FILES.join(', ')}`, shown(root), 'conda env export > environment.yml')
    const inner: InnerManager = uv ? 'uv' : poetryLock || hasToolPoetry ? 'poetry' : 'pip'
    return {
      ...base,
      manager: 'conda',
      reason: `${path.basename(condaFile)} found${inner === 'pip' ? '' : `, ${inner} installs the locked packages inside`}`,
      condaFile,
      condaInner: inner,
      installRoot: inner === 'uv' && uv ? uv.root : root,
      lockPath: inner === 'uv' ? uv?.lock : inner === 'poetry' ? poetryLock : undefined,
    }
  }
  if (forced === 'uv' || (!forced && uv)) {
    if (!uv) throw missing('uv', 'uv.lock', shown(root), 'uv lock')
    if (!existing(path.join(uv.root, 'pyproject.toml'))) throw lockWithoutProject(shown(uv.lock), 'uv')
    const member = uv.root !== root ? ` (workspace root ${shown(uv.root)})` : ''
    return {
      ...base,
      manager: 'uv',
      reason: `${shown(uv.lock)} found${member}`,
      installRoot: uv.root,
      lockPath: uv.lock,
    }
  }
  if (forced === 'poetry' || (!forced && (poetryLock || hasToolPoetry))) {
    if (!poetryLock && !hasToolPoetry && !existing(path.join(root, 'pyproject.toml'))) {
      throw missing('poetry', 'pyproject.toml', shown(root), 'poetry init')
    }
    if (poetryLock && !existing(path.join(root, 'pyproject.toml')))
      throw lockWithoutProject(shown(poetryLock), 'poetry')
    const findings: Finding[] = poetryLock
      ? []
      : [lockMissing(shown(path.join(root, 'pyproject.toml')), 'poetry lock')]
    return {
      ...base,
      manager: 'poetry',
      reason: poetryLock ? `${shown(poetryLock)} found` : '[tool.poetry] in pyproject.toml (no poetry.lock)',
      lockPath: poetryLock,
      findings,
    }
  }
  return detectPip(root, shown, base)
}

/** pip: requirements*.txt, else a project file installed editable (without a lock), else the default. */
function detectPip(
  root: string,
  shown: (file: string) => string,
  base: { installRoot: string; findings: Finding[] },
): ManagerDetection {
  const requirements = fs.existsSync(root)
    ? fs.readdirSync(root).filter((name) => /^requirements.*\.txt$/.test(name))
    : []
  const projectFile = PROJECT_FILES.map((name) => path.join(root, name)).find((file) => fs.existsSync(file))
  if (requirements.length === 0 && projectFile) {
    return {
      ...base,
      manager: 'pip',
      reason: `${path.basename(projectFile)} without a lock file: editable install`,
      findings: [
        lockMissing(shown(projectFile), 'pip freeze > requirements-lock.txt (or adopt uv: uv lock)'),
      ],
    }
  }
  return {
    ...base,
    manager: 'pip',
    reason: requirements.length ? `${requirements.join(', ')} found` : 'default',
  }
}

interface UvLocation {
  lock: string
  /** The folder holding uv.lock: the project, or the workspace root above it. */
  root: string
}

/** uv.lock next to the project, or at a uv workspace root above it that lists it as a member. */
function findUvLock(options: DetectOptions): UvLocation | undefined {
  const own = existing(path.join(options.root, 'uv.lock'))
  if (own) return { lock: own, root: options.root }
  let dir = path.dirname(options.root)
  const top = path.resolve(options.workspace)
  while (dir.startsWith(top)) {
    const lock = existing(path.join(dir, 'uv.lock'))
    const pyproject = existing(path.join(dir, 'pyproject.toml'))
    if (lock && pyproject && isWorkspaceMember(options.readToml(pyproject), dir, options.root)) {
      return { lock, root: dir }
    }
    if (dir === top) break
    dir = path.dirname(dir)
  }
  return undefined
}

export function isWorkspaceMember(
  pyproject: Record<string, unknown>,
  rootDir: string,
  member: string,
): boolean {
  const workspace = asRecord(asRecord(asRecord(pyproject.tool)?.uv)?.workspace)
  if (!workspace) return false
  const relative = relativePosix(rootDir, member)
  const globs = (list: unknown) => (Array.isArray(list) ? list.filter((g) => typeof g === 'string') : [])
  const matches = (glob: string) =>
    path.posix.matchesGlob(relative, glob.replace(/^\.\//, '').replace(/\/$/, ''))
  return globs(workspace.members).some(matches) && !globs(workspace.exclude).some(matches)
}

/** lstat, not exists: a broken or looping link still names the file, so reading it reports the link. */
function existing(file: string): string | undefined {
  return fs.lstatSync(file, { throwIfNoEntry: false }) ? file : undefined
}

function lockMissing(file: string, fix: string): Finding {
  return makeFinding('lock-missing', {
    message: `${file} has no lock file next to it, so the installed versions are whatever resolves today.`,
    file,
    fix,
  })
}

function twoLocks(shown: (file: string) => string, root: string, uvLock: string, poetryLock: string) {
  return new UserError({
    title: 'Two lock files: uv.lock and poetry.lock',
    message: `${shown(root)} has both ${shown(uvLock)} and ${shown(poetryLock)}, so the package manager is ambiguous.`,
    file: shown(uvLock),
    fix: "Set 'manager: uv' or 'manager: poetry' in the workflow, or delete the lock file you no longer use.",
  })
}

function missing(manager: string, files: string, where: string, fix: string): UserError {
  return new UserError({
    title: `No ${manager} project`,
    message: `manager is ${manager}, but ${where} has no ${files}.`,
    fix: `Create it (${fix}) and commit it, or set 'manager:' to the manager the project uses.`,
  })
}

/** uv sync and poetry install read the project from pyproject.toml; the lock alone installs nothing. */
function lockWithoutProject(lock: string, manager: 'uv' | 'poetry'): UserError {
  return new UserError({
    title: `${path.basename(lock)} without pyproject.toml`,
    message: `${lock} has no pyproject.toml next to it, and ${manager} needs both to install.`,
    file: lock,
    fix: `Commit the pyproject.toml the lock was made from (then '${manager} lock'), or delete the stray ${path.basename(lock)}.`,
  })
}
