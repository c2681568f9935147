import type { Inputs } from '../inputs.js'
import type { BaseRevisionOptions } from './base-revision.js'

/** Where the base revision comes from: the runner's event payload and API, and the inputs. */
export function baseRevisionOptions(inputs: Inputs): BaseRevisionOptions {
  return {
    workspace: inputs.workspace,
    eventName: process.env.GITHUB_EVENT_NAME,
    eventPath: process.env.GITHUB_EVENT_PATH,
    baseRef: inputs.baseRef,
    token: inputs.githubToken,
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    repository: process.env.GITHUB_REPOSITORY,
  }
}
