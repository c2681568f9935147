import { describe, expect, it } from '@jest/globals'
import { decideSave } from '../../../src/cache/save-policy.js'
import type { CacheSave } from '../../../src/inputs.js'

describe('decideSave', () => {
  it.each<[CacheSave, string, string, boolean]>([
    ['auto', 'push', 'refs/heads/main', true],
    ['auto', 'pull_request', 'refs/pull/1/merge', true],
    ['auto', 'pull_request_target', 'refs/heads/main', false],
    ['auto', 'workflow_run', 'refs/heads/main', false],
    ['auto', 'push', 'refs/tags/v1.0.0', false],
    ['true', 'pull_request_target', 'refs/heads/main', true],
    ['true', 'push', 'refs/tags/v1.0.0', true],
    ['false', 'push', 'refs/heads/main', false],
  ])('cache-save %s on %s (%s) → save %s', (input, event, ref, save) => {
    const decision = decideSave(input, event, ref)
    expect(decision.save).toBe(save)
    if (!save) expect(decision.reason).toBeTruthy()
  })
})
