import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { inputReader } from '../../__fixtures__/context.js'
import { UserError } from '../../src/errors.js'
import { loadInputs, splitCommandLine, splitList } from '../../src/inputs.js'

function inputs(values: Record<string, string>) {
  return loadInputs(inputReader(values))
}

describe('loadInputs', () => {
  it('applies the documented defaults', () => {
    const loaded = inputs({})
    expect(loaded).toMatchObject({
      manager: 'auto',
      requirements: [],
      smokeTest: { kind: 'auto' },
      failOn: 'error',
    })
    expect(loaded.venvPath).toBe(path.join(loaded.workingDirectory, '.venv'))
    expect(Object.isFrozen(loaded)).toBe(true)
  })

  it.each([
    ['python-version', 'banana', "Input 'python-version' is 'banana'"],
    ['python-version', '3.11; rm -rf /', "Input 'python-version'"],
    ['manager', 'conda-forge', "Input 'manager' is 'conda-forge', which is not one of"],
    ['fail-on', 'always', "Input 'fail-on' is 'always'"],
    ['smoke-test', 'maybe', "Input 'smoke-test' is 'maybe'"],
    ['smoke-test', 'pytest "unclosed', 'unclosed " quote'],
  ])('refuses %s=%s with a UserError naming the input', (name, value, message) => {
    expect(() => inputs({ [name]: value })).toThrow(UserError)
    expect(() => inputs({ [name]: value })).toThrow(message)
  })

  it.each([
    ['auto', { kind: 'auto' }],
    ['none', { kind: 'none' }],
    ['pytest', { kind: 'command', argv: ['pytest'] }],
    ['pytest tests/test_smoke.py -v', { kind: 'command', argv: ['pytest', 'tests/test_smoke.py', '-v'] }],
    ['./scripts/smoke.sh', { kind: 'command', argv: ['./scripts/smoke.sh'] }],
  ])('reads smoke-test %s', (value, expected) => {
    expect(inputs({ 'smoke-test': value }).smokeTest).toEqual(expected)
  })

  it('resolves paths against the working directory', () => {
    const loaded = inputs({ 'working-directory': 'services/api', 'venv-path': 'env' })
    expect(loaded.workingDirectory.endsWith(path.join('services', 'api'))).toBe(true)
    expect(loaded.venvPath).toBe(path.join(loaded.workingDirectory, 'env'))
  })
})

describe('splitList', () => {
  it.each([
    ['requirements.txt requirements-dev.txt', ['requirements.txt', 'requirements-dev.txt']],
    ['a.txt,b.txt', ['a.txt', 'b.txt']],
    ['a.txt\n  b.txt\n', ['a.txt', 'b.txt']],
    ['', []],
  ])('splits %j', (value, expected) => expect(splitList(value)).toEqual(expected))
})

describe('splitCommandLine', () => {
  it.each([
    ['pytest -k "slow and not gpu" -v', ['pytest', '-k', 'slow and not gpu', '-v']],
    ["python -c 'print(1)'", ['python', '-c', 'print(1)']],
    ['a\\ b c', ['a b', 'c']],
    ['""', ['']],
  ])('splits %s like a shell would', (line, argv) => expect(splitCommandLine(line)).toEqual(argv))
})
