import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { managerContext } from '../../../__fixtures__/context.js'
import { readKeyFiles } from '../../../src/cache/key-files.js'
import { UserError } from '../../../src/errors.js'
import type { ManagerCacheHooks, ManagerContext } from '../../../src/managers/types.js'

function contextFor(root: string, globs: string[]): ManagerContext {
  return managerContext({
    inputs: { cacheDependencyGlob: globs },
    project: { root, workspace: path.dirname(root) },
  })
}

const hooks = { keyFiles: () => [] } as unknown as ManagerCacheHooks

describe('readKeyFiles with cache-dependency-glob', () => {
  it('reads the matching files', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-key-files-'))
    fs.writeFileSync(path.join(root, 'requirements.txt'), 'six==1.17.0\n')
    const files = await readKeyFiles(contextFor(root, ['**/*.txt']), hooks)
    expect(files.map((f) => f.file)).toEqual([`${path.basename(root)}/requirements.txt`])
  })

  it('names a symbolic link loop it reaches, with the pattern that excludes it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-key-files-'))
    fs.writeFileSync(path.join(root, 'requirements.txt'), 'six==1.17.0\n')
    fs.symlinkSync('loop', path.join(root, 'loop'))
    const read = readKeyFiles(contextFor(root, ['**/*']), hooks)
    await expect(read).rejects.toBeInstanceOf(UserError)
    await expect(readKeyFiles(contextFor(root, ['**/*']), hooks)).rejects.toMatchObject({
      file: `${path.basename(root)}/loop`,
      fix: expect.stringContaining("'!loop'"),
    })
  })
})
