import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../../src/errors.js'
import {
  editableTarget,
  pipExtras,
  refuseInapplicableGroupsExtras,
} from '../../../src/managers/groups-extras.js'
import type { Project } from '../../../src/model/project.js'
import { declaredExtras, setupCfgExtras } from '../../../src/project/declared-extras.js'

const requirements = { file: 'requirements.txt', path: '/w/requirements.txt' }
function project(overrides: Partial<Project>): Project {
  return {
    workspace: '/w',
    root: '/w',
    manager: 'pip',
    requirementsFiles: [requirements as never],
    pythonVersionSources: [],
    hasTests: false,
    ...overrides,
  }
}
const choice = (groups: string[], extras: string[], allExtras = false) => ({ groups, extras, allExtras })
const pyprojectPkg = { kind: 'pyproject.toml' as const, file: 'pyproject.toml', extras: ['test', 'docs'] }
const setupPy = { kind: 'setup.py' as const, file: 'setup.py' }

describe('groups and extras for pip projects', () => {
  it.each<[string, Partial<Project>, ReturnType<typeof choice>, string[]]>([
    ['nothing asked', {}, choice([], []), []],
    ['a declared extra', { installable: pyprojectPkg }, choice([], ['test']), ['test']],
    ['all declared extras', { installable: pyprojectPkg }, choice([], [], true), ['test', 'docs']],
    [
      'an extra of setup.py (only its build knows them)',
      { installable: setupPy },
      choice([], ['gpu']),
      ['gpu'],
    ],
  ])('%s → installs -e .[%j]', (_name, overrides, inputs, expected) => {
    expect(pipExtras(inputs, project(overrides))).toEqual(expected)
  })

  it.each<[string, Partial<Project>, ReturnType<typeof choice>, RegExp]>([
    [
      'groups on a pip project',
      { installable: pyprojectPkg },
      choice(['dev'], []),
      /Input 'groups' is 'dev'.*no dependency groups/,
    ],
    ['extras without a local project', {}, choice([], ['test']), /Input 'extras' is set.*'-e \.\[extra\]'/],
    ['all-extras without a local project', {}, choice([], [], true), /Input 'all-extras' is set/],
    [
      'an undeclared extra',
      { installable: pyprojectPkg },
      choice([], ['gpu']),
      /names 'gpu', which pyproject.toml does not declare; it declares test, docs/,
    ],
    [
      'all-extras of a setup.py project',
      { installable: setupPy },
      choice([], [], true),
      /only known to its build/,
    ],
    [
      'extras on conda with pip inside',
      { manager: 'conda', condaInner: 'pip', installable: pyprojectPkg },
      choice([], ['test']),
      /conda project installs requirements.txt with pip/,
    ],
  ])('refuses %s with a UserError naming the input', (_name, overrides, inputs, message) => {
    const run = () => refuseInapplicableGroupsExtras(inputs, project(overrides))
    expect(run).toThrow(UserError)
    expect(run).toThrow(message)
  })

  it.each<Project['manager']>(['uv', 'poetry'])('leaves %s to its own sync flags', (manager) => {
    expect(() => refuseInapplicableGroupsExtras(choice(['dev'], ['x']), project({ manager }))).not.toThrow()
  })

  it('builds the editable target', () => {
    expect(editableTarget('/w', [])).toBe('/w')
    expect(editableTarget('/w', ['test', 'docs'])).toBe('/w[test,docs]')
  })
})

describe('declared extras', () => {
  it.each<[string, string | undefined]>([
    ['[metadata]\nname = x\n', undefined],
    ['[options.extras_require]\ntest =\n    pytest\ndocs = sphinx\n# note\n[other]\nx = 1\n', 'test,docs'],
    ['[options.extras_require]\n', ''],
  ])('setup.cfg %j declares %j', (text, expected) => {
    expect(setupCfgExtras(text)?.join(',')).toEqual(expected)
  })

  it('reads pyproject first, setup.cfg next, and knows nothing of a setup.py alone', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-extras-'))
    expect(declaredExtras(root, root, { project: { 'optional-dependencies': { a: [], b: [] } } })).toEqual([
      'a',
      'b',
    ])
    fs.writeFileSync(path.join(root, 'setup.py'), 'from setuptools import setup\nsetup()\n')
    expect(declaredExtras(root, root, {})).toBeUndefined()
    expect(declaredExtras(root, root, { project: { dynamic: ['optional-dependencies'] } })).toBeUndefined()
    fs.writeFileSync(path.join(root, 'setup.cfg'), '[options.extras_require]\ngpu = torch\n')
    expect(declaredExtras(root, root, {})).toEqual(['gpu'])
  })
})
