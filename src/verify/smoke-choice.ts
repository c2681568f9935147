import type { TestLayout, TestLayoutPlace } from '../project/test-layout.js'

/** What `smoke-test: auto` runs: pytest arguments and why, for the log and the summary. */
export interface SmokeChoice {
  /** Arguments after `python -m pytest`. */
  args: string[]
  picked: 'marker' | 'smoke-files' | 'collect-only'
  reason: string
}

const at = (place: TestLayoutPlace) => (place.line ? `${place.file}:${place.line}` : place.file)

/**
 * A smoke test, not the suite (the user's own test step runs the suite): the tests marked
 * `smoke`, else the smoke-named files and folders, else only pytest's collection, which imports
 * every test module (a missing dependency still fails) and runs no test.
 */
export function chooseAutoSmoke(layout: TestLayout = { smokePaths: [] }): SmokeChoice {
  const marker = layout.smokeMarkerUsed ?? layout.smokeMarkerDeclared
  if (marker) {
    const how = layout.smokeMarkerUsed ? 'used' : 'declared'
    return {
      args: ['-m', 'smoke'],
      picked: 'marker',
      reason: `the tests marked smoke (the marker is ${how} at ${at(marker)})`,
    }
  }
  if (layout.smokePaths.length > 0) {
    return {
      args: [...layout.smokePaths],
      picked: 'smoke-files',
      reason: `the smoke-named tests (${layout.smokePaths.join(', ')})`,
    }
  }
  return {
    args: ['--collect-only', '-q'],
    picked: 'collect-only',
    reason:
      'collection only: no test is marked smoke and there is no test_smoke*.py, *_smoke_test.py or tests/smoke/, ' +
      'so every test module is imported and no test runs (smoke-test: full runs the suite)',
  }
}
