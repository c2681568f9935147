import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../../__fixtures__/core.js'
import type { CommandResult } from '../../../src/exec.js'

// uv (from PyPI) and poetry installed into the tool cache, with python/pip replaced by a
// recorder that lays out what they would: a venv, then the programs pip would install.
let pipFails: string | undefined
const calls: string[] = []
const runCommand = jest.fn(async (program: string, args: string[]): Promise<CommandResult> => {
  calls.push([path.basename(program), ...args].join(' '))
  if (args[0] === '-m' && args[1] === 'venv')
    fs.mkdirSync(path.join(args[2] ?? '', 'bin'), { recursive: true })
  if (args.includes('install')) {
    if (pipFails) return { exitCode: 1, stdout: '', stderr: pipFails }
    const bin = path.dirname(program)
    for (const name of args.some((arg) => arg.startsWith('uv==')) ? ['uv', 'uvx'] : ['poetry'])
      fs.writeFileSync(path.join(bin, name), '')
  }
  return { exitCode: 0, stdout: '', stderr: '' }
})
jest.unstable_mockModule('@actions/core', () => coreMock)
const exec = await import('../../../src/exec.js')
jest.unstable_mockModule('../../../src/exec.js', () => ({ ...exec, runCommand }))
const { installUvTool } = await import('../../../src/managers/uv-tool.js')
const { installPoetryTool } = await import('../../../src/managers/poetry-tool.js')
const { UserError } = await import('../../../src/errors.js')
const { managerContext, testPython, testRunner } = await import('../../../__fixtures__/context.js')
type Context = import('../../../src/managers/types.js').ToolContext

let temp: string
const saved = { ...process.env }

function context(inputs: Record<string, string>): Context {
  const project = path.join(temp, 'repo')
  fs.mkdirSync(project, { recursive: true })
  return managerContext({
    inputs: { uvVersion: '', uvSource: 'pypi', uvMirror: '', poetryVersion: '', ...inputs },
    project: { root: project, workspace: project },
    python: testPython({ executable: '/runner/python3' }),
    runner: testRunner({
      tempRoot: path.join(temp, 'runner-temp'),
      toolCache: path.join(temp, 'toolcache'),
      toolArch: 'x64',
    }),
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  calls.length = 0
  pipFails = undefined
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-tools-'))
  process.env.RUNNER_TOOL_CACHE = path.join(temp, 'toolcache')
  process.env.RUNNER_TEMP = path.join(temp, 'runner-temp')
  fs.mkdirSync(process.env.RUNNER_TEMP, { recursive: true })
})
afterEach(() => {
  process.env = { ...saved }
  fs.rmSync(temp, { recursive: true, force: true })
})

describe('uv from PyPI', () => {
  it('installs only uv and uvx into the tool cache, and finds them there next time', async () => {
    const tool = await installUvTool(context({ uvVersion: '0.13.9' }))
    const dir = path.join(temp, 'toolcache', 'uv', '0.13.9', 'x64')
    expect(tool).toEqual({ version: '0.13.9', executable: path.join(dir, 'uv') })
    expect(fs.readdirSync(dir).sort()).toEqual(['uv', 'uvx'])
    expect(calls).toEqual([
      expect.stringMatching(/^python3 -m venv /),
      'python -m pip install --no-deps uv==0.13.9',
    ])
    expect(coreMock.addPath).toHaveBeenCalledWith(dir)
    calls.length = 0
    await installUvTool(context({ uvVersion: '0.13.9' }))
    expect(calls).toEqual([])
  })

  it('names the latest releases when the version does not exist', async () => {
    pipFails =
      'ERROR: Could not find a version that satisfies the requirement uv==9.9.9 (from versions: 0.13.7, 0.13.8, 0.13.9)'
    const install = installUvTool(context({ uvVersion: '9.9.9' }))
    await expect(install).rejects.toThrow(UserError)
    await expect(installUvTool(context({ uvVersion: '9.9.9' }))).rejects.toThrow(
      '(latest: 0.13.7, 0.13.8, 0.13.9)',
    )
  })
})

describe('poetry in its own environment', () => {
  it('makes a venv in the tool cache, installs poetry there, and reuses it when it still runs', async () => {
    const tool = await installPoetryTool(context({ poetryVersion: '2.5.1' }))
    const dir = path.join(temp, 'toolcache', 'poetry', '2.5.1', 'x64')
    expect(tool).toEqual({ version: '2.5.1', executable: path.join(dir, 'bin', 'poetry') })
    expect(fs.existsSync(`${dir}.complete`)).toBe(true)
    expect(calls).toEqual([`python3 -m venv ${dir}`, 'python -m pip install poetry==2.5.1'])
    calls.length = 0
    expect(await installPoetryTool(context({ poetryVersion: '2.5.1' }))).toEqual(tool)
    expect(calls).toEqual(['poetry --version'])
  })

  it('leaves no trace in the tool cache when pip cannot install it', async () => {
    pipFails = 'ERROR: No matching distribution found for poetry==0.0.1 (from versions: 2.4.0, 2.5.0, 2.5.1)'
    await expect(installPoetryTool(context({ poetryVersion: '0.0.1' }))).rejects.toThrow(
      'the latest releases are 2.4.0, 2.5.0, 2.5.1',
    )
    expect(fs.readdirSync(path.join(temp, 'toolcache'))).toEqual([])
  })
})
