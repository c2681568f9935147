import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { condaManager } = await import('../../../src/managers/conda.js')
const { condaEnvArgs, condaExecutable, condaPython } = await import('../../../src/managers/conda-commands.js')
const { parseCondaEnvFile } = await import('../../../src/project/conda-env-file.js')
const { loadInputs } = await import('../../../src/inputs.js')
const { readProject } = await import('../../../src/project/read-project.js')
const { venvLayout } = await import('../../../src/managers/venv-layout.js')
const { UserError } = await import('../../../src/errors.js')
const { managerContext } = await import('../../../__fixtures__/context.js')

import type { InstallContext } from '../../../src/managers/types.js'

describe('parseCondaEnvFile', () => {
  const text = [
    'name: course',
    'channels:',
    '  - conda-forge',
    '  - defaults',
    'dependencies:',
    '  - python=3.11',
    '  - conda-forge::numpy>=1.26',
    '  - pip',
    '  - pip:',
    '      - six==1.17.0',
    '      - -r requirements.txt',
    '',
  ].join('\n')

  it('reads name, channels, conda specs and pip lines with their lines', () => {
    const env = parseCondaEnvFile(text, 'environment.yml')
    expect(env.name).toBe('course')
    expect(env.channels).toEqual(['conda-forge', 'defaults'])
    expect(env.python).toEqual({ spec: 'python=3.11', name: 'python', version: '3.11', line: 6 })
    expect(env.dependencies.map((d) => [d.name, d.line])).toEqual([
      ['python', 6],
      ['numpy', 7],
      ['pip', 8],
    ])
    expect(env.pip).toEqual([
      { spec: 'six==1.17.0', line: 10 },
      { spec: '-r requirements.txt', line: 11 },
    ])
  })

  it('reads the example of the hybrid project', () => {
    const file = path.join(process.cwd(), 'examples', 'conda-poetry-project', 'environment.yml')
    const env = parseCondaEnvFile(fs.readFileSync(file, 'utf8'), 'environment.yml')
    expect(env.python?.version).toBe('3.11')
  })

  it('turns broken YAML into a user error at the line', () => {
    expect(() => parseCondaEnvFile('name: x\ndependencies:\n  - [unclosed\n', 'conda.yml')).toThrow(UserError)
  })
})

describe('conda command composition', () => {
  it.each([
    ['/input/conda', undefined, 'linux', '/input/conda'],
    [undefined, '/usr/share/miniconda', 'linux', '/usr/share/miniconda/bin/conda'],
    [undefined, 'C:\\Miniconda', 'win32', 'C:\\Miniconda\\condabin\\conda.bat'],
    [undefined, undefined, 'linux', 'conda'],
  ] as const)('conda-path %s, $CONDA %s on %s → %s', (input, home, platform, expected) => {
    expect(condaExecutable(input, home, platform)).toBe(expected)
  })

  it('creates a new prefix and updates an existing one with --prune', () => {
    expect(condaEnvArgs('/w/.venv', '/w/environment.yml', false)).toEqual([
      'env',
      'create',
      '--prefix',
      '/w/.venv',
      '--file',
      '/w/environment.yml',
      '--quiet',
      '--yes',
    ])
    expect(condaEnvArgs('/w/.venv', '/w/environment.yml', true)).toContain('--prune')
    expect(condaPython('/w/.venv', 'linux')).toBe('/w/.venv/bin/python')
  })
})

/**
 * A stand-in for conda that records its argv (one JSON line per call) and, for `env create`,
 * makes the prefix the way conda would leave it: a Python at bin/python and a conda-meta folder.
 */
function recordingConda(dir: string, record: string): string {
  const script = path.join(dir, 'conda')
  fs.writeFileSync(
    script,
    [
      `#!${process.env.PYTHON_FOR_TESTS ?? '/usr/bin/env python3'}`,
      'import json, os, subprocess, sys',
      `with open(${JSON.stringify(record)}, "a") as f: f.write(json.dumps(sys.argv[1:]) + "\\n")`,
      'if sys.argv[1:] == ["--version"]: print("conda 25.1.1"); sys.exit(0)',
      'if sys.argv[1:3] == ["env", "create"]:',
      '    prefix = sys.argv[sys.argv.index("--prefix") + 1]',
      '    subprocess.run([sys.executable, "-m", "venv", "--without-pip", prefix], check=True)',
      '    os.makedirs(os.path.join(prefix, "conda-meta"))',
      '',
    ].join('\n'),
  )
  fs.chmodSync(script, 0o755)
  return script
}

describe('condaManager against a recording stand-in', () => {
  let workspace: string
  let record: string
  let ctx: InstallContext

  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-conda-'))
    fs.writeFileSync(path.join(workspace, 'environment.yml'), 'name: demo\ndependencies:\n  - python=3.11\n')
    record = path.join(workspace, 'argv.jsonl')
    const conda = recordingConda(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-conda-bin-')), record)
    process.env.GITHUB_WORKSPACE = workspace
    const inputs = loadInputs((name) => ({ 'conda-path': conda, 'smoke-test': 'none' })[name] ?? '')
    const project = readProject(inputs)
    ctx = managerContext({ inputs, project, venv: venvLayout(inputs.venvPath) })
  })

  const calls = () =>
    fs
      .readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[])

  it('detects the hybrid as conda with pip inside and reads conda --version', async () => {
    expect(ctx.project.manager).toBe('conda')
    expect(ctx.project.condaInner).toBe('pip')
    ctx.tool = await condaManager.installTool(ctx)
    expect(ctx.tool?.version).toBe('25.1.1')
    expect(calls().at(-1)).toEqual(['--version'])
  })

  it('creates the environment at venv-path from the file, then updates it with --prune', async () => {
    const envFile = path.join(workspace, 'environment.yml')
    const prefix = path.join(workspace, '.venv')
    expect(await condaManager.install(ctx)).toEqual([])
    expect(calls().at(-1)).toEqual([
      'env',
      'create',
      '--prefix',
      prefix,
      '--file',
      envFile,
      '--quiet',
      '--yes',
    ])
    expect(fs.existsSync(path.join(prefix, '.setup-python-env'))).toBe(true)
    expect(await condaManager.install(ctx)).toEqual([])
    expect(calls().at(-1)).toEqual([
      'env',
      'update',
      '--prefix',
      prefix,
      '--file',
      envFile,
      '--prune',
      '--quiet',
    ])
  })

  it('leaves a prefix it did not create alone', async () => {
    const taken = { ...ctx, venv: venvLayout(path.join(workspace, 'mine')) }
    fs.mkdirSync(path.join(workspace, 'mine'))
    fs.writeFileSync(path.join(workspace, 'mine', 'keep.txt'), 'user data')
    await expect(condaManager.install(taken)).rejects.toThrow('was not created by setup-python-env')
    expect(fs.existsSync(path.join(workspace, 'mine', 'keep.txt'))).toBe(true)
  })

  it('says how to get conda when the program does not run', async () => {
    const missing = { ...ctx, inputs: { ...ctx.inputs, condaPath: path.join(workspace, 'no-conda') } }
    await expect(condaManager.installTool(missing)).rejects.toThrow('does not run')
  })
})
