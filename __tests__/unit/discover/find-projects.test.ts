import { execFileSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { fileTree } from '../../../__fixtures__/file-tree.js'
import { candidateFolders, findProjects } from '../../../src/discover/find-projects.js'
import { listRepositoryFiles } from '../../../src/discover/list-files.js'
import { isUserError } from '../../../src/errors.js'

const tree = (files: Record<string, string>) => fileTree(files, 'spe-discover-')

const PROJECT = '[project]\nname = "p"\nversion = "1"\n'

describe('candidateFolders', () => {
  it.each([
    [
      ['a/pyproject.toml', 'a/src/x.py', 'b/requirements-dev.txt', 'c/README.md'],
      ['a', 'b'],
    ],
    [['pyproject.toml', 'environment.yml'], ['.']],
    [['pkg/setup.py', 'pkg/build/lib/setup.py', 'pkg/dist/pkg-1.0/setup.py'], ['pkg']],
    [['tools/build/pyproject.toml'], ['tools/build']],
    [['app/pyproject.toml', 'app/tests/fixtures/sample/pyproject.toml', 'app/tests/data/setup.py'], ['app']],
    [['tests/pyproject.toml'], ['tests']],
  ])('%j → %j', (files, expected) => {
    expect(candidateFolders(files)).toEqual(expected)
  })
})

describe('listRepositoryFiles and findProjects', () => {
  const files = {
    '.gitignore': 'ignored/\n',
    'svc/pyproject.toml': PROJECT,
    'svc/uv.lock': 'version = 1\n',
    'conf/pyproject.toml': '[tool.black]\nline-length = 100\n',
    'conf/setup.cfg': '[flake8]\nmax-line-length = 100\n',
    'legacy/setup.cfg': '[metadata]\nname = legacy\n',
    'reqs/requirements.txt': 'six==1.17.0\n',
    'venv-here/pyvenv.cfg': 'home = /usr/bin\n',
    'venv-here/lib/pkg/pyproject.toml': PROJECT,
    'node_modules/x/setup.py': '',
    'ignored/pyproject.toml': PROJECT,
    '.python-version': '3.12\n',
  }

  it.each(['walk', 'git'] as const)('lists the same projects with %s', async (source) => {
    const dir = tree(files)
    if (source === 'git') execFileSync('git', ['init', '-q'], { cwd: dir })
    const listing = await listRepositoryFiles(dir)
    expect(listing.source).toBe(source)
    expect(listing.environments).toEqual(['venv-here'])
    expect(listing.files).not.toContain('ignored/pyproject.toml')
    const found = findProjects(dir, dir, candidateFolders(listing.files))
    expect(found.map((p) => [p.dir, p.manager, p.lockFile, p.pythonVersion])).toEqual([
      ['legacy', 'pip', '', '3.12'],
      ['reqs', 'pip', 'reqs/requirements.txt', '3.12'],
      ['svc', 'uv', 'svc/uv.lock', '3.12'],
    ])
  })

  it('stops with a UserError past the file bound and the depth bound', async () => {
    const dir = tree({ 'a/b/c/d/pyproject.toml': PROJECT, 'x.txt': '', 'y.txt': '' })
    const caught = async (limits: { maxFiles: number; maxDepth: number }) =>
      listRepositoryFiles(dir, limits).then(
        () => undefined,
        (error: unknown) => error,
      )
    const tooMany = await caught({ maxFiles: 2, maxDepth: 10 })
    expect(isUserError(tooMany) && tooMany.message).toMatch(/stopped after 2 files/)
    const tooDeep = await caught({ maxFiles: 100, maxDepth: 2 })
    expect(isUserError(tooDeep) && tooDeep.message).toMatch(/a\/b\/c\/ is more than 2 folders below/)
  })
})
