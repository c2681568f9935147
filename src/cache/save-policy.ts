import type { CacheSave } from '../inputs.js'

export interface SaveDecision {
  save: boolean
  /** Why not, for the log. */
  reason?: string
}

/** Events whose runs may carry untrusted changes or write entries no one else can use. */
const UNTRUSTED_EVENTS = new Set(['pull_request_target', 'workflow_run'])

/**
 * `cache-save: auto` saves except on pull_request_target and workflow_run (untrusted code must
 * not seed an entry every branch would restore) and on tag pushes (entries made there are
 * only reachable from that tag). `true` / `false` are taken at their word.
 */
export function decideSave(cacheSave: CacheSave, eventName: string, ref: string): SaveDecision {
  if (cacheSave === 'false') return { save: false, reason: "input 'cache-save' is false" }
  if (cacheSave === 'true') return { save: true }
  if (UNTRUSTED_EVENTS.has(eventName)) {
    return {
      save: false,
      reason: `runs on ${eventName} do not save by default (set 'cache-save: true' to force)`,
    }
  }
  if (ref.startsWith('refs/tags/')) {
    return { save: false, reason: "tag pushes do not save by default (set 'cache-save: true' to force)" }
  }
  return { save: true }
}
