import * as core from '@actions/core'
import type { CacheState } from './cache/cache-state.js'

/** What main tells post, through the runner's GITHUB_STATE file. */
export interface MainState {
  /** True once main finished without a failure; post saves nothing otherwise. */
  succeeded: boolean
  /** discover mode installs nothing, so post has nothing to save. */
  mode?: 'discover'
  venvPath?: string
  pythonVersion?: string
  /** Set when the environment cache is on; post saves from it. */
  cache?: CacheState
}

const STATE_NAME = 'setup-python-env'

export function saveMainState(state: MainState): void {
  core.saveState(STATE_NAME, JSON.stringify(state))
}

/** undefined when main never got far enough to save state. */
export function loadMainState(): MainState | undefined {
  const raw = core.getState(STATE_NAME)
  if (!raw) return undefined
  try {
    return JSON.parse(raw) as MainState
  } catch {
    return undefined
  }
}
