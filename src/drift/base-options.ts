import type { Inputs } from '../inputs.js'
import type { Runner } from '../runner.js'
import type { BaseRevisionOptions } from './base-revision.js'

/** Where the base revision comes from: the runner's event payload and API, and the inputs. */
export function baseRevisionOptions(inputs: Inputs, runner: Runner): BaseRevisionOptions {
  return {
    workspace: inputs.workspace,
    event: runner.event,
    baseRef: inputs.baseRef,
    token: inputs.githubToken,
    apiUrl: runner.apiUrl,
    repository: runner.repository,
  }
}
