import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { UserError } from '../errors.js'
import { processEnv, runCommand } from '../exec.js'
import { venvLayout } from './venv-layout.js'

/**
 * `uv-source: pypi`: `pip install uv==X` into a throwaway venv of the runner's Python (never
 * the user's env), then only the self-contained `uv`/`uvx` programs go into the tool cache,
 * at the same place the release archive would put them.
 */
export async function installUvFromPypi(
  version: string,
  python: string,
  arch: string,
  tempDir: string,
): Promise<string> {
  const temp = fs.mkdtempSync(path.join(tempDir, 'uv-pypi-'))
  try {
    const venv = venvLayout(path.join(temp, 'venv'))
    const created = await runCommand(python, ['-m', 'venv', venv.root], { silent: true })
    if (created.exitCode !== 0) throw new Error(`python -m venv failed: ${created.stderr}`)
    core.info(`Installing uv==${version} from the package index`)
    const env = processEnv({ PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONNOUSERSITE: '1' })
    const result = await runCommand(venv.python, ['-m', 'pip', 'install', '--no-deps', `uv==${version}`], {
      env,
    })
    if (result.exitCode !== 0) {
      const output = `${result.stdout}\n${result.stderr}`
      const available = /\(from versions: ([^)]*)\)/.exec(output)?.[1]?.split(',').slice(-3).join(',').trim()
      throw new UserError({
        title: 'uv install failed',
        message: `pip could not install uv==${version} from the package index${available ? ` (latest: ${available})` : ''}.`,
        fix: "Set 'uv-version:' to an existing uv release (e.g. 0.13.9).",
      })
    }
    const staging = path.join(temp, 'uv')
    fs.mkdirSync(staging)
    for (const name of ['uv', 'uvx'].map((n) => (process.platform === 'win32' ? `${n}.exe` : n))) {
      const source = path.join(venv.binDir, name)
      if (fs.existsSync(source)) fs.copyFileSync(source, path.join(staging, name))
    }
    return await tc.cacheDir(staging, 'uv', version, arch)
  } finally {
    fs.rmSync(temp, { recursive: true, force: true })
  }
}
