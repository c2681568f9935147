import * as path from 'node:path'
import type { FoundProject } from './find-projects.js'

/**
 * A uv workspace is one project at its root (one lock, one `uv sync`) unless its members are
 * asked for: then each member is listed (with its name for `--package`), the root only when it
 * is a project itself, and a change to the shared uv.lock or root pyproject.toml lists every member.
 */
export function applyWorkspaceMembers(
  projects: readonly FoundProject[],
  listMembers: boolean,
  workspace: string,
): FoundProject[] {
  const byDir = new Map(projects.map((project) => [project.dir, project]))
  const roots = new Map<string, FoundProject>()
  const members = projects.filter((project) => project.workspaceRoot !== undefined)
  for (const member of members) {
    const root = byDir.get(member.workspaceRoot ?? '')
    if (root) roots.set(root.dir, root)
  }
  if (!listMembers) {
    // the root installs the members: their local dependencies are the root's
    const merged = new Map<string, FoundProject>()
    for (const root of roots.values()) {
      const own = members.filter((member) => member.workspaceRoot === root.dir)
      merged.set(root.dir, {
        ...root,
        local: {
          folders: [...root.local.folders, ...own.flatMap((member) => member.local.folders)],
          workspaceMembers: [],
          outsideFiles: [...root.local.outsideFiles, ...own.flatMap((member) => member.local.outsideFiles)],
        },
      })
    }
    return projects
      .filter((project) => project.workspaceRoot === undefined)
      .map((project) => merged.get(project.dir) ?? project)
  }
  return projects
    .filter((project) => !roots.has(project.dir) || project.hasProjectTable)
    .map((project) => {
      if (project.workspaceRoot === undefined) return project
      const root = path.resolve(workspace, project.workspaceRoot)
      const shared = [path.join(root, 'uv.lock'), path.join(root, 'pyproject.toml')]
      return {
        ...project,
        local: { ...project.local, outsideFiles: [...project.local.outsideFiles, ...shared] },
      }
    })
}
