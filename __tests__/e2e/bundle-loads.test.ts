import { spawnSync } from 'node:child_process'
import * as path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '../..')

// An import cycle in the sources can turn into a "Cannot access X before initialization" at load
// time in one bundle only; both entry points must load and reach their first log line.
describe('dist/ bundles load', () => {
  it('post.js starts and says there is nothing to do without main state', () => {
    const env = { PATH: process.env.PATH ?? '' }
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'post.js')], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('did not run far enough')
    expect(run.status).toBe(0)
  })
})
