import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { localDependencies, localPath } from '../../../src/discover/local-dependencies.js'
import type { RequirementsFile } from '../../../src/model/project.js'
import { parseRequirements } from '../../../src/project/requirements.js'

const root = path.resolve('/repo/services/api')

function requirementsFile(file: string, text: string, included: RequirementsFile[] = []): RequirementsFile {
  return {
    path: file,
    file,
    requirements: parseRequirements(text, file).requirements,
    included,
    constraints: [],
  }
}

describe('localDependencies', () => {
  it('reads uv path and workspace sources', () => {
    const found = localDependencies(
      root,
      {
        tool: {
          uv: {
            sources: {
              core: { path: '../../libs/core' },
              Util_Lib: { workspace: true },
              x: { git: 'https://x' },
            },
          },
        },
      },
      [],
    )
    expect(found.folders).toEqual([path.resolve('/repo/libs/core')])
    expect(found.workspaceMembers).toEqual(['util-lib'])
  })

  it('reads poetry path dependencies of every table and group', () => {
    const found = localDependencies(
      root,
      {
        tool: {
          poetry: {
            dependencies: { python: '^3.11', core: { path: '../../libs/core', develop: true } },
            'dev-dependencies': { a: [{ path: '../a', markers: 'x' }] },
            group: { test: { dependencies: { b: { path: '../b' }, pytest: '^8' } } },
          },
        },
      },
      [],
    )
    expect(found.folders).toEqual(
      ['/repo/libs/core', '/repo/services/a', '/repo/services/b'].map((p) => path.resolve(p)),
    )
  })

  it('reads local paths of requirements files and their includes, and files read from outside', () => {
    const base = requirementsFile(path.resolve('/repo/shared/base.txt'), '-e ../../libs/util\n')
    const own = requirementsFile(
      path.join(root, 'requirements.txt'),
      '-e .\n-e ../../libs/core[extra]\nrequests==2\n./vendor/pkg\n',
      [base],
    )
    const found = localDependencies(root, {}, [own])
    expect(found.folders).toEqual(
      ['/repo/libs/core', path.join(root, 'vendor/pkg'), '/repo/libs/util'].map((p) => path.resolve(p)),
    )
    expect(found.outsideFiles).toEqual([path.resolve('/repo/shared/base.txt')])
  })
})

describe('localPath', () => {
  it.each([
    ['../lib', '../lib'],
    ['./lib[dev]', './lib'],
    ['file:../lib#egg=lib', '../lib'],
    ['file:///opt/lib', '/opt/lib'],
    ['https://example.com/x.whl', undefined],
    ['git+https://example.com/x.git', undefined],
  ])('%s → %s', (url, expected) => {
    expect(localPath(url)).toBe(expected)
  })
})
