import { describe, expect, it } from '@jest/globals'
import { inputReader } from '../../../__fixtures__/context.js'
import { loadInputs } from '../../../src/inputs.js'

const load = (inputs: Record<string, string>) => loadInputs(inputReader(inputs))

describe('Python inputs', () => {
  it('reads them typed, with defaults', () => {
    expect(load({})).toMatchObject({ checkLatest: false, allowPrereleases: false, pythonMirror: undefined })
    expect(
      load({
        'python-version': '>=3.10,<3.13',
        'python-mirror': 'https://mirror.example.com/python/',
        'python-sha256': 'A'.repeat(64),
        'check-latest': 'true',
        'allow-prereleases': 'TRUE',
      }),
    ).toMatchObject({
      pythonVersion: '>=3.10,<3.13',
      pythonMirror: 'https://mirror.example.com/python',
      pythonSha256: 'a'.repeat(64),
      checkLatest: true,
      allowPrereleases: true,
    })
  })

  it.each([
    [{ 'python-version': 'banana' }, "Input 'python-version' is 'banana', which is not a Python version."],
    [
      { 'python-mirror': 'ftp://mirror' },
      "Input 'python-mirror' is 'ftp://mirror', which is not an http(s) URL.",
    ],
    [{ 'python-sha256': 'abc' }, "Input 'python-sha256' is 'abc', which is not a SHA-256 (64 hex digits)."],
    [{ 'check-latest': 'yes' }, "Input 'check-latest' is 'yes', which is neither true nor false."],
  ])('refuses %j', (inputs, message) => {
    expect(() => load(inputs)).toThrow(message)
  })
})
