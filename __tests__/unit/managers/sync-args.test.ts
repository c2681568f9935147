import { describe, expect, it } from '@jest/globals'
import { managerContext } from '../../../__fixtures__/context.js'
import type { Inputs } from '../../../src/inputs.js'
import { poetrySyncArgs, uvSyncArgs } from '../../../src/managers/sync-args.js'
import type { ManagerContext } from '../../../src/managers/types.js'
import { venvLayout } from '../../../src/managers/venv-layout.js'
import type { Project } from '../../../src/model/project.js'

function context(
  inputs: Partial<Inputs>,
  project: Partial<Project> = {},
  toolVersion = '2.5.1',
): ManagerContext {
  return managerContext({
    inputs: { groups: [], extras: [], allExtras: false, ...inputs },
    project: { root: '/w', workspace: '/w', installRoot: '/w', pyproject: {}, ...project },
    venv: venvLayout('/w/.venv'),
    tool: { version: toolVersion, executable: 'tool' },
  })
}

describe('uvSyncArgs', () => {
  it.each([
    [{}, {}, []],
    [{ groups: ['docs', 'lint'] }, {}, ['--group', 'docs', '--group', 'lint']],
    [{ extras: ['fmt', 'ml'] }, {}, ['--extra', 'fmt', '--extra', 'ml']],
    [{ extras: ['fmt'], allExtras: true }, {}, ['--all-extras']],
    [
      {},
      { root: '/w/packages/app', installRoot: '/w', pyproject: { project: { name: 'app' } } },
      ['--package', 'app'],
    ],
  ])('inputs %j, project %j → %j', (inputs, project, expected) => {
    expect(uvSyncArgs(context(inputs, project))).toEqual(expected)
  })
})

describe('poetrySyncArgs', () => {
  it.each([
    [{}, {}, '2.5.1', ['sync']],
    [{}, {}, '1.8.3', ['install', '--sync']],
    [{ groups: ['docs', 'lint'] }, {}, '2.5.1', ['sync', '--with', 'docs,lint']],
    [{ extras: ['a', 'b'] }, {}, '2.5.1', ['sync', '--extras', 'a', '--extras', 'b']],
    [{ allExtras: true }, {}, '2.5.1', ['sync', '--all-extras']],
    [{}, { pyproject: { tool: { poetry: { 'package-mode': false } } } }, '2.5.1', ['sync', '--no-root']],
  ])('inputs %j, project %j, poetry %s → %j', (inputs, project, version, expected) => {
    expect(poetrySyncArgs(context(inputs, project, version))).toEqual(expected)
  })
})
