import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { parse as parseToml } from 'smol-toml'
import { isUserError } from '../errors.js'
import type { LockFile } from '../model/lock.js'
import type { Project, RequirementsFile } from '../model/project.js'
import { normalizeName } from '../model/requirement.js'
import { relativePosix } from '../paths.js'
import { readLockText } from './locks/lock-text.js'
import { type CondaEnvironment, parseCondaEnvironment } from './parsers/conda-env.js'
import { type Dockerfile, parseDockerfile } from './parsers/dockerfile.js'
import { type Manifest, pyprojectManifest, requirementsManifest } from './parsers/manifest.js'
import { type PreCommitConfig, parsePreCommitConfig } from './parsers/precommit.js'
import { installedRequirementsFiles } from './read-requirements-files.js'

/** The files the drift rules read besides the Project, parsed; unreadable ones are skipped with a warning. */
export interface ProjectFiles {
  projectName?: string
  locks: LockFile[]
  manifests: Manifest[]
  dockerfiles: Dockerfile[]
  preCommit?: PreCommitConfig
  condaEnvironments: CondaEnvironment[]
}

export function readProjectFiles(project: Project, extraLocks: readonly LockFile[] = []): ProjectFiles {
  const rel = (absolute: string) => relativePosix(project.workspace, absolute)
  const text = (absolute: string) => fs.readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '')
  const installedFiles = installedRequirementsFiles(project.requirementsFiles)
  const locks: LockFile[] = [...extraLocks]
  const manifests: Manifest[] = []
  for (const file of installedFiles) {
    const lock = tryParse(file.file, () => readLockText(text(file.path), file.file))
    if (lock) locks.push(lock)
    else manifests.push(requirementsManifest(text(file.path), file.file))
  }
  for (const name of ['requirements.in', 'requirements.txt']) {
    const absolute = path.join(project.root, name)
    if (!fs.existsSync(absolute) || installedFiles.some((file: RequirementsFile) => file.path === absolute))
      continue
    const manifest = tryParse(rel(absolute), () => requirementsManifest(text(absolute), rel(absolute)))
    if (manifest && !readLockText(text(absolute), rel(absolute))) manifests.push(manifest)
  }
  const pyproject = path.join(project.root, 'pyproject.toml')
  if (fs.existsSync(pyproject)) {
    const manifest = tryParse(rel(pyproject), () => pyprojectManifest(text(pyproject), rel(pyproject)))
    if (manifest && manifest.dependencies.length > 0) manifests.push(manifest)
  }
  const dirs = [...new Set([project.root, project.workspace])]
  const dockerfiles = fs
    .readdirSync(project.root)
    .filter((name) => /^Dockerfile(\..+)?$|\.[Dd]ockerfile$/.test(name))
    .flatMap((name) => {
      const absolute = path.join(project.root, name)
      const dockerfile = tryParse(rel(absolute), () =>
        fs.statSync(absolute).isFile() ? parseDockerfile(text(absolute), rel(absolute)) : undefined,
      )
      return dockerfile ? [dockerfile] : []
    })
  const preCommitPath = dirs
    .map((dir) => path.join(dir, '.pre-commit-config.yaml'))
    .find((candidate) => fs.existsSync(candidate))
  const preCommit = preCommitPath
    ? tryParse(rel(preCommitPath), () => parsePreCommitConfig(text(preCommitPath), rel(preCommitPath)))
    : undefined
  const condaEnvironments = ['environment.yml', 'environment.yaml', 'conda.yml', 'conda.yaml'].flatMap(
    (name) => {
      const absolute = path.join(project.root, name)
      if (!fs.existsSync(absolute)) return []
      const env = tryParse(rel(absolute), () => parseCondaEnvironment(text(absolute), rel(absolute)))
      return env ? [env] : []
    },
  )
  return {
    projectName: readProjectName(project.root),
    locks,
    manifests,
    dockerfiles,
    preCommit,
    condaEnvironments,
  }
}

/** Parses one file; one we cannot read or parse is skipped with a warning at the file (and line). */
function tryParse<T>(file: string, parse: () => T): T | undefined {
  try {
    return parse()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const line = isUserError(error) && error.file === file ? error.line : undefined
    core.warning(`Drift checks skip ${file}: ${reason}`, { title: 'File skipped', file, startLine: line })
    return undefined
  }
}

/** The project's own distribution name from pyproject.toml, setup.cfg or setup.py. */
function readProjectName(root: string): string | undefined {
  const read = (name: string) => {
    const absolute = path.join(root, name)
    return fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : undefined
  }
  try {
    const pyproject = read('pyproject.toml')
    if (pyproject) {
      const data = parseToml(pyproject) as {
        project?: { name?: unknown }
        tool?: { poetry?: { name?: unknown } }
      }
      const name = data.project?.name ?? data.tool?.poetry?.name
      if (typeof name === 'string') return normalizeName(name)
    }
  } catch {
    // readProject reports TOML errors
  }
  const cfg = read('setup.cfg')
  const fromCfg = cfg && /^\s*name\s*=\s*(\S+)/m.exec(cfg)?.[1]
  if (fromCfg) return normalizeName(fromCfg)
  const setupPy = read('setup.py')
  const fromPy = setupPy && /\bname\s*=\s*['"]([^'"]+)['"]/.exec(setupPy)?.[1]
  return fromPy ? normalizeName(fromPy) : undefined
}
