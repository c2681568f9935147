import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { iniMarkerLine, readTestLayout, type TestLayout } from '../../../src/project/test-layout.js'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A workspace with the project in svc/, holding `files` (path → text). */
function layoutOf(files: Record<string, string>, pyproject: Record<string, unknown> = {}): TestLayout {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-layout-'))
  temps.push(workspace)
  const root = path.join(workspace, 'svc')
  for (const [file, text] of Object.entries({ 'README.md': '', ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  return readTestLayout(root, workspace, pyproject)
}

const MARKED = 'import pytest\n\n\n@pytest.mark.smoke\ndef test_a():\n    pass\n'

describe('readTestLayout', () => {
  it.each<[string, Record<string, string>, Partial<TestLayout>]>([
    [
      'a test marked smoke',
      { 'tests/test_api.py': MARKED },
      { smokeMarkerUsed: { file: 'svc/tests/test_api.py', line: 4 } },
    ],
    [
      'pytestmark in a module',
      { 'tests/test_db.py': 'from pytest import mark\npytestmark = mark.smoke\n' },
      { smokeMarkerUsed: { file: 'svc/tests/test_db.py', line: 2 } },
    ],
    [
      'a marker in a comment only',
      { 'tests/test_a.py': '# @pytest.mark.smoke later\n' },
      { smokeMarkerUsed: undefined },
    ],
    [
      'another marker',
      { 'tests/test_a.py': '@pytest.mark.smoker\ndef test(): pass\n' },
      { smokeMarkerUsed: undefined },
    ],
    [
      'smoke-named files anywhere',
      {
        'tests/test_smoke.py': '',
        'tests/test_smoke_db.py': '',
        'pkg/api_smoke_test.py': '',
        'tests/test_other.py': '',
      },
      { smokePaths: ['pkg/api_smoke_test.py', 'tests/test_smoke.py', 'tests/test_smoke_db.py'] },
    ],
    [
      'a tests/smoke/ folder (its files are not listed again)',
      { 'tests/smoke/test_up.py': '', 'tests/smoke/test_smoke_x.py': '', 'tests/unit/test_x.py': '' },
      { smokePaths: ['tests/smoke'] },
    ],
    ['a smoke folder not under tests/', { 'src/smoke/test_x.py': '' }, { smokePaths: [] }],
    [
      'tests inside a venv or a hidden folder',
      {
        '.venv/pyvenv.cfg': '',
        '.venv/lib/test_smoke.py': MARKED,
        'myenv/pyvenv.cfg': '',
        'myenv/test_smoke.py': '',
      },
      { smokePaths: [], smokeMarkerUsed: undefined },
    ],
  ])('finds %s', (_what, files, expected) => {
    const layout = layoutOf(files)
    for (const [key, value] of Object.entries(expected))
      expect(layout[key as keyof TestLayout]).toEqual(value)
  })

  it.each<[string, Record<string, string>, Record<string, unknown>, TestLayout['smokeMarkerDeclared']]>([
    [
      'pyproject markers',
      {},
      { tool: { pytest: { ini_options: { markers: ['smoke: quick checks', 'slow'] } } } },
      { file: 'svc/pyproject.toml', line: undefined },
    ],
    ['pyproject without smoke', {}, { tool: { pytest: { ini_options: { markers: ['slow'] } } } }, undefined],
    [
      'pytest.ini',
      { 'pytest.ini': '[pytest]\nmarkers =\n    slow: slow ones\n    smoke: quick\n' },
      {},
      { file: 'svc/pytest.ini', line: 4 },
    ],
    [
      'setup.cfg',
      { 'setup.cfg': '[metadata]\nname = x\n[tool:pytest]\nmarkers = smoke\n' },
      {},
      { file: 'svc/setup.cfg', line: 4 },
    ],
    ['tox.ini in another section', { 'tox.ini': '[testenv]\nmarkers =\n    smoke\n' }, {}, undefined],
  ])('reads the marker declared in %s', (_what, files, pyproject, declared) => {
    expect(layoutOf(files, pyproject).smokeMarkerDeclared).toEqual(declared)
  })
})

describe('iniMarkerLine', () => {
  it.each<[string, number | undefined]>([
    ['[pytest]\nmarkers = smoke: fast\n', 2],
    ['[pytest]\r\nmarkers =\r\n  smoke\r\n', 3],
    ['[pytest]\nmarkers =\n  slow\naddopts = -q\n  smoke\n', undefined],
    ['[pytest]\nmarkers = smokey\n', undefined],
    ['', undefined],
  ])('%j → %s', (text, line) => expect(iniMarkerLine(text, 'pytest')).toBe(line))
})
