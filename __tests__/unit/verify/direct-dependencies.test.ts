import { directDependencies } from '../../../src/verify/direct-dependencies.js'

describe('directDependencies', () => {
  it.each([
    [
      'PEP 621 dependencies with specifiers, extras and markers',
      {
        project: {
          dependencies: ['NumPy>=1.26', 'requests[socks]==2.32.3', "tomli; python_version < '3.11'"],
        },
      },
      ['numpy', 'requests', 'tomli'],
    ],
    [
      'poetry dependencies without python and optional ones',
      {
        tool: {
          poetry: {
            dependencies: {
              python: '^3.11',
              Attrs: '26.1.0',
              torch: { version: '2.4', optional: true },
              pandas: { version: '^2.2' },
            },
          },
        },
      },
      ['attrs', 'pandas'],
    ],
    ['no pyproject', {}, []],
    ['malformed tables are ignored', { project: { dependencies: 'numpy' }, tool: { poetry: 'x' } }, []],
  ])('%s', (_name, pyproject, expected) => {
    expect(directDependencies({ requirementsFiles: [], pyproject })).toEqual(expected)
  })
})
