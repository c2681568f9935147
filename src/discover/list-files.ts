import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import { IgnoreStack, parseGitignore } from './gitignore.js'

/** How far discovery looks, so a stray data or build folder cannot stall the job. */
export interface WalkLimits {
  /** Files kept after pruning (environments, node_modules, ignored files are not counted). */
  maxFiles: number
  /** Folders below the search root. */
  maxDepth: number
}

export const DEFAULT_LIMITS: WalkLimits = { maxFiles: 200_000, maxDepth: 32 }

export interface FileListing {
  /** Files relative to the search root, `/`-separated, sorted. */
  files: string[]
  /** Where the list came from: `git ls-files` (honours every .gitignore) or a walk of the folder. */
  source: 'git' | 'walk'
  /** Virtual environments and conda prefixes left out, relative to the search root. */
  environments: string[]
}

/** Folders that never hold a project of the repository: tools' caches, installed packages, VCS data. */
const SKIPPED_NAMES = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '__pycache__',
  'site-packages',
  'dist-packages',
  '__pypackages__',
  '.venv',
  '.tox',
  '.nox',
  '.eggs',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.ipynb_checkpoints',
])

export function isSkippedFolderName(name: string): boolean {
  return SKIPPED_NAMES.has(name) || name.endsWith('.egg-info')
}

/** A file that marks its folder as an environment (a venv, or a conda prefix) rather than source. */
function environmentOf(file: string): string | undefined {
  if (file === 'pyvenv.cfg') return '.'
  if (file.endsWith('/pyvenv.cfg')) return file.slice(0, -'/pyvenv.cfg'.length)
  const conda = file.indexOf('conda-meta/')
  if (conda === 0) return '.'
  if (conda > 0 && file.charAt(conda - 1) === '/') return file.slice(0, conda - 1)
  return undefined
}

/**
 * The repository's files below `root`, without environments, tool output and ignored files:
 * `git ls-files` when `root` is in a git checkout, else a walk that reads the .gitignore files.
 */
export async function listRepositoryFiles(root: string, limits = DEFAULT_LIMITS): Promise<FileListing> {
  const listed = await gitListFiles(root)
  if (listed) return prune(listed, 'git', root, limits)
  return walkFolder(root, limits)
}

function gitListFiles(root: string): Promise<string[] | undefined> {
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard']
  return new Promise((resolve) => {
    execFile('git', args, { cwd: root, maxBuffer: 512 * 1024 * 1024, timeout: 120_000 }, (error, stdout) => {
      resolve(error ? undefined : [...new Set(stdout.split('\0').filter((file) => file !== ''))])
    })
  })
}

function prune(
  files: string[],
  source: FileListing['source'],
  root: string,
  limits: WalkLimits,
): FileListing {
  const environments = new Set<string>()
  for (const file of files) {
    const environment = environmentOf(file)
    if (environment !== undefined) environments.add(environment)
  }
  const kept: string[] = []
  for (const file of files) {
    const parts = file.split('/')
    if (parts.slice(0, -1).some(isSkippedFolderName)) continue
    if (environments.has('.') || insideAny(parts, environments)) continue
    if (parts.length - 1 > limits.maxDepth) throw tooDeep(root, file, limits)
    kept.push(file)
    if (kept.length > limits.maxFiles) throw tooManyFiles(root, limits)
  }
  return { files: kept.sort(), source, environments: [...environments].sort() }
}

function insideAny(parts: string[], folders: Set<string>): boolean {
  if (folders.size === 0) return false
  let prefix = ''
  for (let i = 0; i < parts.length - 1; i++) {
    prefix = i === 0 ? (parts[0] ?? '') : `${prefix}/${parts[i]}`
    if (folders.has(prefix)) return true
  }
  return false
}

/** The walk for a checkout without git (a downloaded archive): same pruning, .gitignore read by us. */
function walkFolder(root: string, limits: WalkLimits): FileListing {
  const files: string[] = []
  const environments: string[] = []
  const pending: { relative: string; depth: number; ignore: IgnoreStack }[] = [
    { relative: '', depth: 0, ignore: new IgnoreStack() },
  ]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { relative, depth } = next
    const entries = readFolder(path.join(root, relative))
    const names = new Set(entries.map((entry) => entry.name))
    if (names.has('pyvenv.cfg') || names.has('conda-meta')) {
      environments.push(relative || '.')
      continue
    }
    const ignore = names.has('.gitignore')
      ? next.ignore.with(relative, parseGitignore(readText(path.join(root, relative, '.gitignore'))))
      : next.ignore
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      const isFolder = entry.isDirectory()
      if (ignore.ignores(child, isFolder)) continue
      if (isFolder) {
        if (isSkippedFolderName(entry.name)) continue
        if (depth + 1 > limits.maxDepth) throw tooDeep(root, `${child}/`, limits)
        pending.push({ relative: child, depth: depth + 1, ignore })
      } else {
        files.push(child)
        if (files.length > limits.maxFiles) throw tooManyFiles(root, limits)
      }
    }
  }
  return { files: files.sort(), source: 'walk', environments: environments.sort() }
}

function readFolder(folder: string): fs.Dirent[] {
  try {
    // links are listed as files and never followed: a link to a parent folder would loop
    return fs.readdirSync(folder, { withFileTypes: true })
  } catch {
    return []
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

function tooManyFiles(root: string, limits: WalkLimits): UserError {
  return new UserError({
    title: 'Too many files to discover projects in',
    message: `Discovery stopped after ${limits.maxFiles.toLocaleString('en-US')} files under ${root}, the most it reads so a data or build folder cannot stall the job.`,
    fix: "Add generated and data folders to .gitignore, or set 'working-directory:' to the folder that holds the projects.",
  })
}

function tooDeep(root: string, file: string, limits: WalkLimits): UserError {
  return new UserError({
    title: 'Folders nested too deep to discover projects in',
    message: `${file} is more than ${limits.maxDepth} folders below ${root}, deeper than discovery looks.`,
    fix: `Add that folder to .gitignore, or set 'working-directory:' closer to the projects.`,
  })
}
