import * as path from 'node:path'
import { relativePosix } from '../paths.js'
import type { FoundProject } from './find-projects.js'

export type DiscoverReason = 'changed' | 'dependency-changed' | 'all'

export interface ListedProject {
  project: FoundProject
  reason: DiscoverReason
  /** Why, for the job summary: the changed file, the dependency, or why everything is listed. */
  because: string
}

/** What the diff said: the changed files, or why every project is listed instead. */
export type ChangeScope = { kind: 'all'; because: string } | { kind: 'changed'; files: string[] }

/**
 * Which projects a change touches: those holding a changed file (or reading one from outside
 * their folder), then, transitively, those depending on one of them by path or workspace source.
 * Files are relative to the repository root. Pure.
 */
export function selectProjects(
  projects: readonly FoundProject[],
  scope: ChangeScope,
  workspace: string,
): ListedProject[] {
  if (scope.kind === 'all')
    return projects.map((project) => ({ project, reason: 'all', because: scope.because }))
  const owners = new OwnerIndex(projects)
  const listed = new Map<FoundProject, ListedProject>()
  const outside = outsideFilesByProject(projects, workspace)
  for (const file of scope.files) {
    const owner = owners.ownerOf(file)
    if (owner && !listed.has(owner) && !isDocumentationOf(owner, file))
      listed.set(owner, { project: owner, reason: 'changed', because: `${file} changed` })
    for (const reader of outside.get(file) ?? []) {
      if (!listed.has(reader))
        listed.set(reader, { project: reader, reason: 'changed', because: `${file} changed` })
    }
  }
  const dependents = dependentsOf(projects, owners, workspace)
  const queue = [...listed.keys()]
  for (let current = queue.shift(); current; current = queue.shift()) {
    for (const dependent of dependents.get(current) ?? []) {
      if (listed.has(dependent)) continue
      listed.set(dependent, {
        project: dependent,
        reason: 'dependency-changed',
        because: `depends on ${current.dir}`,
      })
      queue.push(dependent)
    }
  }
  return projects
    .filter((project) => listed.has(project))
    .map((project) => listed.get(project) as ListedProject)
}

/**
 * A file in a `docs/` or `doc/` folder inside a project (the root project's docs/ included) is
 * prose, not something its tests install or import. A docs folder that is a project itself (a
 * docs/requirements.txt) still owns its files.
 */
function isDocumentationOf(owner: FoundProject, file: string): boolean {
  const inner = owner.dir === '.' ? file : file.slice(owner.dir.length + 1)
  return inner
    .split('/')
    .slice(0, -1)
    .some((folder) => folder === 'docs' || folder === 'doc')
}

/** The project a path belongs to: the deepest project folder holding it. */
export class OwnerIndex {
  private readonly byDir: Map<string, FoundProject>

  constructor(projects: readonly FoundProject[]) {
    this.byDir = new Map(projects.map((project) => [project.dir, project]))
  }

  ownerOf(file: string): FoundProject | undefined {
    if (file === '..' || file.startsWith('../') || path.isAbsolute(file)) return undefined
    for (let dir = file; ; ) {
      const project = this.byDir.get(dir)
      if (project) return project
      if (dir === '.') return undefined
      const slash = dir.lastIndexOf('/')
      dir = slash < 0 ? '.' : dir.slice(0, slash)
    }
  }
}

function outsideFilesByProject(
  projects: readonly FoundProject[],
  workspace: string,
): Map<string, FoundProject[]> {
  const readers = new Map<string, FoundProject[]>()
  for (const project of projects) {
    for (const file of project.local.outsideFiles) {
      const relative = relativePosix(workspace, file)
      readers.set(relative, [...(readers.get(relative) ?? []), project])
    }
  }
  return readers
}

/** dependency → the projects installing it, from path dependencies and uv workspace sources. */
function dependentsOf(
  projects: readonly FoundProject[],
  owners: OwnerIndex,
  workspace: string,
): Map<FoundProject, FoundProject[]> {
  const byMemberName = new Map<string, FoundProject>()
  for (const project of projects) {
    if (project.name && project.workspaceRoot !== undefined)
      byMemberName.set(`${project.workspaceRoot}\0${normalize(project.name)}`, project)
  }
  const dependents = new Map<FoundProject, FoundProject[]>()
  for (const project of projects) {
    const workspaceRoot = project.workspaceRoot ?? project.dir
    const dependencies = [
      ...project.local.folders.map((folder) =>
        owners.ownerOf(relativePosix(workspace, path.resolve(folder)) || '.'),
      ),
      ...project.local.workspaceMembers.map((name) => byMemberName.get(`${workspaceRoot}\0${name}`)),
    ]
    for (const dependency of new Set(dependencies)) {
      if (!dependency || dependency === project) continue
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), project])
    }
  }
  return dependents
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}
