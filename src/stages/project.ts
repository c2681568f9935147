import type { Inputs } from '../inputs.js'
import type { Project } from '../model/project.js'
import { readProject } from '../project/read-project.js'
import { type ProjectFiles, readProjectFiles } from '../project/read-project-files.js'

/** What the Project stage read: the project model and the files only the drift rules look at. */
export interface ProjectRead {
  project: Project
  files: ProjectFiles
}

/** The Project stage: every file of the project read and parsed here, once; later stages read these. */
export async function projectStage(inputs: Inputs): Promise<ProjectRead> {
  const project = readProject(inputs)
  const locks = project.lock && project.lock.kind !== 'requirements' ? [project.lock] : []
  return { project, files: readProjectFiles(project, locks) }
}
