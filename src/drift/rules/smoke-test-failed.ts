import type { Rule } from '../rule.js'

export const smokeTestFailedRule: Rule = {
  id: 'smoke-test-failed',
  defaultSeverity: 'error',
  description: 'The smoke test (pytest by default) failed, errored, or found no tests.',
  example: 'tests/test_smoke.py:\n  assert sklearn.__version__ == "1.5.0"   # 1.4.2 installed',
  fix: 'Run the same test in the environment and fix the test or the pins it checks.',
  check(ctx) {
    return ctx.smokeTest?.findings ?? []
  },
}
