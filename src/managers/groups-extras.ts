import { UserError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { Project } from '../model/project.js'

/*
 * `groups` and `extras` mean something to uv and poetry (their sync flags, sync-args.ts). For a
 * pip project, extras apply to the local project pip installs (`-e .[extra]`), and groups to
 * nothing; a conda project with pip inside installs its requirements files only. An input that
 * cannot apply is refused before anything is installed, instead of being silently ignored.
 */

type Choice = Pick<Inputs, 'groups' | 'extras' | 'allExtras'>

/** The extras to install the local pip project with; throws when an input cannot apply. */
export function pipExtras(inputs: Choice, project: Project): string[] {
  const what = describePipProject(project)
  if (inputs.groups.length > 0) {
    throw new UserError({
      title: "Input 'groups' does not apply",
      message: `Input 'groups' is '${inputs.groups.join(',')}', but ${what}: pip installs requirements files and a local project, and has no dependency groups.`,
      file: firstFile(project),
      fix: "Remove 'groups:', or put the group's packages in a requirements file and name it in 'requirements:'. Groups apply to uv and poetry projects.",
    })
  }
  if (inputs.extras.length === 0 && !inputs.allExtras) return []
  const installable = project.manager === 'pip' ? project.installable : undefined
  const input = inputs.allExtras ? 'all-extras' : 'extras'
  if (!installable) {
    throw new UserError({
      title: `Input '${input}' does not apply`,
      message: `Input '${input}' is set, but ${what}; extras apply to a local project that pip installs as '-e .[extra]'.`,
      file: firstFile(project),
      fix: `Remove '${input}:', or add the optional packages to a requirements file.`,
    })
  }
  const declared = installable.extras
  if (inputs.allExtras) {
    if (declared) return declared
    throw new UserError({
      title: "Input 'all-extras' does not apply",
      message: `Input 'all-extras' is true, but the extras of ${installable.file} are only known to its build, so "all" cannot be listed.`,
      file: installable.file,
      fix: "Name the extras in 'extras:' instead, e.g. extras: test docs.",
    })
  }
  const unknown = declared ? inputs.extras.filter((extra) => !declared.includes(extra)) : []
  if (unknown.length > 0) {
    throw new UserError({
      title: "Input 'extras' names an unknown extra",
      message: `Input 'extras' names ${unknown.map((e) => `'${e}'`).join(', ')}, which ${installable.file} does not declare; it declares ${declared?.length ? declared.join(', ') : 'no extras'}.`,
      file: installable.file,
      fix: `Use one of the declared extras${declared?.length ? ` (${declared.join(', ')})` : ''}, or declare it in ${installable.file}.`,
    })
  }
  return inputs.extras
}

/** The argument of `pip install -e`: the project folder, with its extras when there are any. */
export function editableTarget(root: string, extras: readonly string[]): string {
  return extras.length > 0 ? `${root}[${extras.join(',')}]` : root
}

function describePipProject(project: Project): string {
  const files = project.requirementsFiles.map((file) => file.file)
  if (project.manager === 'conda') {
    return `this conda project installs ${files.length ? files.join(', ') : 'no requirements files'} with pip inside the environment`
  }
  const local = project.installable ? ` and ${project.installable.file}` : ''
  return `this is a pip project (${files.length ? files.join(', ') : 'no requirements files'}${local})`
}

function firstFile(project: Project): string | undefined {
  return project.requirementsFiles[0]?.file ?? project.installable?.file
}

/**
 * Refuses `groups`/`extras` the detected manager cannot use, right after detection (before any
 * tool, cache or install): pip projects and conda projects with pip inside.
 */
export function refuseInapplicableGroupsExtras(inputs: Choice, project: Project): void {
  if (project.manager === 'pip' || (project.manager === 'conda' && project.condaInner === 'pip')) {
    pipExtras(inputs, project)
  }
}
