import * as core from '@actions/core'
import { saveEnvironment } from './cache/save-env.js'
import { saveToolEntry } from './cache/tool-entry.js'
import { reportFailure } from './report-failure.js'
import { loadMainState } from './state.js'

/** The post step: reads what main left in state. Saving the cache belongs here. */
export async function runPost(): Promise<void> {
  try {
    const state = loadMainState()
    if (!state) {
      core.info('The main step did not run far enough to leave state; nothing to do.')
      return
    }
    if (state.mode === 'discover') {
      core.info('Discover mode installs nothing; there is nothing to save.')
      return
    }
    if (!state.succeeded) {
      core.info('The main step did not succeed; nothing is saved.')
      return
    }
    if (!state.cache) {
      core.info(`Environment ${state.venvPath} (Python ${state.pythonVersion}) is ready; caching is off.`)
      return
    }
    await saveEnvironment(state.cache)
    if (state.cache.tool) await saveToolEntry(state.cache.tool)
  } catch (error) {
    reportFailure(error)
  }
}
