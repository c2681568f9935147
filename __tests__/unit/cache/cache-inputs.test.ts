import { describe, expect, it } from '@jest/globals'
import { inputReader } from '../../../__fixtures__/context.js'
import { UserError } from '../../../src/errors.js'
import { loadInputs } from '../../../src/inputs.js'

const reader = inputReader

describe('cache inputs', () => {
  it('defaults to caching on, saving automatically, no globs and no suffix', () => {
    expect(loadInputs(reader({}))).toMatchObject({
      cache: true,
      cacheSave: 'auto',
      cacheDependencyGlob: [],
      cacheSuffix: undefined,
    })
  })

  it('reads every cache input', () => {
    const inputs = loadInputs(
      reader({
        cache: 'false',
        'cache-save': 'false',
        'cache-dependency-glob': '**/requirements*.txt\n!docs/requirements.txt\n',
        'cache-suffix': 'gpu-1',
      }),
    )
    expect(inputs).toMatchObject({
      cache: false,
      cacheSave: 'false',
      cacheDependencyGlob: ['**/requirements*.txt', '!docs/requirements.txt'],
      cacheSuffix: 'gpu-1',
    })
  })

  it.each([
    [{ cache: 'maybe' }, "Input 'cache' is 'maybe'"],
    [{ 'cache-save': 'sometimes' }, "Input 'cache-save' is 'sometimes'"],
    [{ 'cache-suffix': 'a,b' }, "Input 'cache-suffix' is 'a,b'"],
  ])('refuses %j', (values, message) => {
    expect(() => loadInputs(reader(values))).toThrow(UserError)
    expect(() => loadInputs(reader(values))).toThrow(message)
  })
})
