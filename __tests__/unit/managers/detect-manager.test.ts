import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { fileTree } from '../../../__fixtures__/file-tree.js'
import { UserError } from '../../../src/errors.js'
import type { ManagerChoice } from '../../../src/inputs.js'
import { detectManager, isWorkspaceMember } from '../../../src/project/detect-manager.js'
import { readToml } from '../../../src/project/read-project.js'

/** A temp repository with the given files (path → content). */
const repo = (files: Record<string, string>) => fileTree(files, 'spe-detect-')

function detect(files: Record<string, string>, choice: ManagerChoice = 'auto', workingDirectory = '.') {
  const workspace = repo(files)
  const root = path.join(workspace, workingDirectory)
  const pyprojectPath = path.join(root, 'pyproject.toml')
  const pyproject = fs.existsSync(pyprojectPath) ? readToml(pyprojectPath, 'pyproject.toml') : {}
  const result = detectManager({
    root,
    workspace,
    choice,
    pyproject,
    readToml: (file) => readToml(file, file),
  })
  const rel = (file?: string) => (file ? path.relative(workspace, file) : undefined)
  return {
    ...result,
    installRoot: rel(result.installRoot) ?? '',
    lockPath: rel(result.lockPath),
    condaFile: rel(result.condaFile),
  }
}

const PYPROJECT = '[project]\nname = "demo"\nversion = "0.1.0"\n'

describe('detectManager', () => {
  it.each([
    ['uv.lock → uv', { 'pyproject.toml': PYPROJECT, 'uv.lock': '' }, { manager: 'uv', lockPath: 'uv.lock' }],
    [
      'poetry.lock → poetry',
      { 'pyproject.toml': PYPROJECT, 'poetry.lock': '' },
      { manager: 'poetry', lockPath: 'poetry.lock' },
    ],
    [
      '[tool.poetry] without a lock → poetry, lock-missing',
      { 'pyproject.toml': `${PYPROJECT}[tool.poetry]\n` },
      {
        manager: 'poetry',
        findings: [expect.objectContaining({ rule: 'lock-missing', fix: 'poetry lock' })],
      },
    ],
    [
      'environment.yml + poetry.lock → conda with poetry inside',
      { 'environment.yml': 'name: x\n', 'pyproject.toml': PYPROJECT, 'poetry.lock': '' },
      { manager: 'conda', condaInner: 'poetry', condaFile: 'environment.yml', lockPath: 'poetry.lock' },
    ],
    [
      'conda.yml + uv.lock → conda with uv inside',
      { 'conda.yml': 'name: x\n', 'pyproject.toml': PYPROJECT, 'uv.lock': '' },
      { manager: 'conda', condaInner: 'uv', lockPath: 'uv.lock' },
    ],
    [
      'environment.yaml alone → conda with pip',
      { 'environment.yaml': 'name: x\n' },
      { manager: 'conda', condaInner: 'pip' },
    ],
    [
      'requirements-dev.txt → pip',
      { 'requirements-dev.txt': 'six==1.17.0\n' },
      { manager: 'pip', findings: [] },
    ],
    [
      'setup.py + requirements.txt → pip, no finding',
      { 'setup.py': '', 'requirements.txt': 'six==1.17.0\n' },
      { manager: 'pip', findings: [] },
    ],
    [
      'setup.cfg without a lock → pip editable, lock-missing',
      { 'setup.cfg': '' },
      {
        manager: 'pip',
        findings: [expect.objectContaining({ rule: 'lock-missing', file: 'setup.cfg', severity: 'warning' })],
      },
    ],
    [
      'pyproject without a lock → pip editable, lock-missing',
      { 'pyproject.toml': PYPROJECT },
      {
        manager: 'pip',
        findings: [expect.objectContaining({ rule: 'lock-missing', file: 'pyproject.toml' })],
      },
    ],
  ])('%s', (_name, files, expected) => {
    expect(detect(files)).toMatchObject(expected)
  })

  it('asks for manager: when uv.lock and poetry.lock sit side by side', () => {
    const files = { 'pyproject.toml': PYPROJECT, 'uv.lock': '', 'poetry.lock': '' }
    expect(() => detect(files)).toThrow(UserError)
    expect(() => detect(files)).toThrow(/both uv\.lock and poetry\.lock/)
    expect(detect(files, 'poetry')).toMatchObject({ manager: 'poetry', lockPath: 'poetry.lock' })
    expect(detect(files, 'uv')).toMatchObject({ manager: 'uv', lockPath: 'uv.lock' })
  })

  it('honours a forced manager, and refuses one whose files are missing', () => {
    expect(
      detect({ 'requirements.txt': '', 'uv.lock': '', 'pyproject.toml': PYPROJECT }, 'pip').manager,
    ).toBe('pip')
    expect(() => detect({ 'requirements.txt': '' }, 'uv')).toThrow(/manager is uv, but \. has no uv\.lock/)
    expect(() => detect({ 'requirements.txt': '' }, 'conda')).toThrow(/environment\.yml/)
  })

  it('installs a uv workspace member from the workspace root', () => {
    const files = {
      'pyproject.toml':
        '[project]\nname = "root"\nversion = "0"\n[tool.uv.workspace]\nmembers = ["packages/*"]\n',
      'uv.lock': '',
      'packages/app/pyproject.toml': '[project]\nname = "app"\nversion = "0"\n',
    }
    expect(detect(files, 'auto', 'packages/app')).toMatchObject({
      manager: 'uv',
      installRoot: '',
      lockPath: 'uv.lock',
    })
  })

  it('does not adopt the uv.lock of a workspace the folder is not a member of', () => {
    const files = {
      'pyproject.toml':
        '[project]\nname = "root"\nversion = "0"\n[tool.uv.workspace]\nmembers = ["libs/*"]\n',
      'uv.lock': '',
      'tools/app/requirements.txt': 'six==1.17.0\n',
    }
    expect(detect(files, 'auto', 'tools/app')).toMatchObject({ manager: 'pip', installRoot: 'tools/app' })
  })
})

describe('isWorkspaceMember', () => {
  const pyproject = {
    tool: { uv: { workspace: { members: ['packages/*', './apps/web/'], exclude: ['packages/old'] } } },
  }
  it.each([
    ['packages/a', true],
    ['apps/web', true],
    ['packages/old', false],
    ['packages/a/b', false],
    ['other', false],
  ])('%s → %s', (member, expected) => {
    expect(isWorkspaceMember(pyproject, '/repo', `/repo/${member}`)).toBe(expected)
  })
})
