import { describe, expect, it } from '@jest/globals'
import type { TestLayout } from '../../../src/project/test-layout.js'
import { chooseAutoSmoke } from '../../../src/verify/smoke-choice.js'

describe('chooseAutoSmoke', () => {
  const used = { file: 'tests/test_api.py', line: 7 }
  const declared = { file: 'pytest.ini', line: 3 }
  it.each<[string, TestLayout | undefined, string[], string]>([
    [
      'a test marked smoke',
      { smokeMarkerUsed: used, smokePaths: [] },
      ['-m', 'smoke'],
      'used at tests/test_api.py:7',
    ],
    [
      'the marker declared only',
      { smokeMarkerDeclared: declared, smokePaths: [] },
      ['-m', 'smoke'],
      'declared at pytest.ini:3',
    ],
    [
      'the marker and smoke-named files (the marker wins)',
      { smokeMarkerUsed: used, smokePaths: ['tests/test_smoke.py'] },
      ['-m', 'smoke'],
      'marked smoke',
    ],
    [
      'smoke-named files and folders',
      { smokePaths: ['pkg/api_smoke_test.py', 'tests/smoke', 'tests/test_smoke.py'] },
      ['pkg/api_smoke_test.py', 'tests/smoke', 'tests/test_smoke.py'],
      'smoke-named tests (pkg/api_smoke_test.py, tests/smoke, tests/test_smoke.py)',
    ],
    ['nothing smoke', { smokePaths: [] }, ['--collect-only', '-q'], 'collection only'],
    ['no layout read', undefined, ['--collect-only', '-q'], 'no test runs'],
  ])('with %s: pytest %j', (_what, layout, args, reason) => {
    const choice = chooseAutoSmoke(layout)
    expect(choice.args).toEqual(args)
    expect(choice.reason).toContain(reason)
  })
})
