import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { FoundProject } from '../../../src/discover/find-projects.js'
import { selectProjects } from '../../../src/discover/select-projects.js'
import { withSharedInputs, workflowFileOf } from '../../../src/discover/shared-inputs.js'
import { applyWorkspaceMembers } from '../../../src/discover/workspace-members.js'

const ws = path.resolve('/repo')
const abs = (dir: string) => path.join(ws, dir)

function project(dir: string, extra: Partial<FoundProject> & { deps?: string[] } = {}): FoundProject {
  const { deps = [], ...rest } = extra
  return {
    dir,
    manager: 'uv',
    pythonVersion: '',
    lockFile: '',
    hasProjectTable: true,
    local: { folders: deps.map(abs), workspaceMembers: [], outsideFiles: [] },
    ...rest,
  }
}

const core = project('libs/core')
const util = project('libs/util', { deps: ['libs/core'] })
const api = project('services/api', { deps: ['libs/util/src/..'] })
const cli = project('tools/cli', {
  local: { folders: [], workspaceMembers: [], outsideFiles: [abs('shared/base.txt')] },
})
const root = project('.')
const projects = [root, core, util, api, cli]

const listed = (files: string[], list = projects) =>
  selectProjects(list, { kind: 'changed', files }, ws).map((entry) => [entry.project.dir, entry.reason])

describe('selectProjects', () => {
  it.each([
    [
      ['libs/core/x.py'],
      [
        ['libs/core', 'changed'],
        ['libs/util', 'dependency-changed'],
        ['services/api', 'dependency-changed'],
      ],
    ],
    [
      ['libs/util/pyproject.toml'],
      [
        ['libs/util', 'changed'],
        ['services/api', 'dependency-changed'],
      ],
    ],
    [['services/api/app.py', 'services/api/tests/t.py'], [['services/api', 'changed']]],
    [
      ['shared/base.txt'],
      [
        ['.', 'changed'],
        ['tools/cli', 'changed'],
      ],
    ],
    [['README.md'], [['.', 'changed']]],
    [[], []],
  ])('%j lists %j', (files, expected) => {
    expect(listed(files)).toEqual(expected)
  })

  it('docs/ and doc/ folders inside a project are prose, unless the docs folder is a project', () => {
    expect(listed(['docs/index.md', 'libs/core/docs/api.rst', 'services/api/doc/conf.py'])).toEqual([])
    const docsProject = project('docs')
    expect(listed(['docs/index.md', 'docs/api/x.md'], [root, docsProject])).toEqual([['docs', 'changed']])
  })

  it('a file in no project lists nothing when the root is no project', () => {
    expect(listed(['docs/index.md'], [core, util, api])).toEqual([])
  })

  it('follows a dependency cycle without looping', () => {
    const a = project('a', { deps: ['b'] })
    const b = project('b', { deps: ['a'] })
    expect(listed(['a/x'], [a, b])).toEqual([
      ['a', 'changed'],
      ['b', 'dependency-changed'],
    ])
  })

  it('a path dependency outside the repository belongs to no project', () => {
    const outside = project('x', {
      local: { folders: [path.resolve('/elsewhere')], workspaceMembers: [], outsideFiles: [] },
    })
    expect(listed(['x/a'], [root, outside])).toEqual([['x', 'changed']])
  })

  it('all: every project with the reason', () => {
    const all = selectProjects(projects, { kind: 'all', because: 'discover-all: true' }, ws)
    expect(all.map((entry) => entry.reason)).toEqual(['all', 'all', 'all', 'all', 'all'])
  })
})

describe('shared inputs', () => {
  const workflow = workflowFileOf('o/r/.github/workflows/ci.yml@refs/pull/3/merge')
  it('reads the workflow file from GITHUB_WORKFLOW_REF', () => {
    expect(workflow).toBe('.github/workflows/ci.yml')
    expect(workflowFileOf(undefined)).toBeUndefined()
  })
  it.each([
    ['.github/workflows/ci.yml', true],
    ['.github/workflows/other.yml', false],
    ['.python-version', true],
    ['libs/core/.python-version', false],
    ['constraints.txt', true],
    ['constraints-py312.txt', true],
    ['libs/constraints.txt', false],
  ])('%s lists everything: %s', (file, expected) => {
    expect(withSharedInputs({ kind: 'changed', files: ['a/b', file] }, workflow).kind === 'all').toBe(
      expected,
    )
  })
})

describe('uv workspace members', () => {
  const wsRoot = project('ws', { hasProjectTable: false })
  const app = project('ws/packages/app', {
    workspaceRoot: 'ws',
    name: 'app',
    local: { folders: [abs('libs/core')], workspaceMembers: ['lib'], outsideFiles: [] },
  })
  const lib = project('ws/packages/lib', { workspaceRoot: 'ws', name: 'lib' })

  it('are one project at the workspace root, which inherits their path dependencies', () => {
    const folded = applyWorkspaceMembers([core, wsRoot, app, lib], false, ws)
    expect(folded.map((p) => p.dir)).toEqual(['libs/core', 'ws'])
    expect(listed(['libs/core/a.py'], folded)).toEqual([
      ['libs/core', 'changed'],
      ['ws', 'dependency-changed'],
    ])
    expect(listed(['ws/packages/lib/x.py'], folded)).toEqual([['ws', 'changed']])
  })

  it('are listed one by one when asked, following workspace sources; the shared lock lists them all', () => {
    const members = applyWorkspaceMembers([core, wsRoot, app, lib], true, ws)
    expect(members.map((p) => p.dir)).toEqual(['libs/core', 'ws/packages/app', 'ws/packages/lib'])
    expect(listed(['ws/packages/lib/x.py'], members)).toEqual([
      ['ws/packages/app', 'dependency-changed'],
      ['ws/packages/lib', 'changed'],
    ])
    expect(listed(['ws/uv.lock'], members)).toEqual([
      ['ws/packages/app', 'changed'],
      ['ws/packages/lib', 'changed'],
    ])
  })
})
