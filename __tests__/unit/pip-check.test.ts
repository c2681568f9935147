import { describe, expect, it } from '@jest/globals'
import { explainPipFailure } from '../../src/managers/pip-errors.js'
import type { Project, RequirementsFile } from '../../src/model/project.js'
import { parseRequirements } from '../../src/project/requirements.js'
import { parsePipCheck, pipCheckFindings } from '../../src/verify/pip-check.js'

function requirementsFile(text: string, file = 'requirements.txt'): RequirementsFile {
  return {
    path: `/repo/${file}`,
    file,
    requirements: parseRequirements(text, file).requirements,
    included: [],
    constraints: [],
  }
}

const project = (files: RequirementsFile[]): Project => ({
  workspace: '/repo',
  root: '/repo',
  manager: 'pip',
  requirementsFiles: files,
  pythonVersionSources: [],
  hasTests: false,
})

describe('parsePipCheck', () => {
  it.each([
    [
      'conflictpkg 0.1.0 has requirement six<1.16, but you have six 1.17.0.',
      {
        package: 'conflictpkg',
        kind: 'conflict',
        dependency: 'six',
        requirement: 'six<1.16',
        installed: '1.17.0',
      },
    ],
    [
      'mlproj 1.0 requires numpy, which is not installed.',
      { package: 'mlproj', kind: 'missing', dependency: 'numpy' },
    ],
    ['tensorflow 2.15.0 is not supported on this platform', { package: 'tensorflow', kind: 'platform' }],
  ])('reads %s', (line, expected) => {
    expect(parsePipCheck(`${line}\n`)).toEqual([expect.objectContaining(expected)])
  })

  it('ignores lines it does not know', () => {
    expect(parsePipCheck('No broken requirements found.\n')).toEqual([])
  })

  it('points each conflict at the line that pins the dependency', () => {
    const files = [requirementsFile('numpy==1.26.4\nsix==1.17.0\n')]
    const [finding] = pipCheckFindings(
      parsePipCheck('a 1.0 has requirement six<1.16, but you have six 1.17.0.'),
      project(files),
    )
    expect(finding).toMatchObject({
      rule: 'pip-check-conflict',
      severity: 'error',
      file: 'requirements.txt',
      line: 2,
      package: 'six',
    })
  })
})

describe('explainPipFailure', () => {
  const files = [requirementsFile('# pins\npackaging==24.2\nsix==99.0.0\n')]

  it('names the file and line of a pin that does not exist', () => {
    const output = [
      'ERROR: Could not find a version that satisfies the requirement six==99.0.0 (from versions: 1.15.0, 1.16.0, 1.17.0)',
      'ERROR: No matching distribution found for six==99.0.0',
    ].join('\n')
    const error = explainPipFailure(output, files, 1)
    expect(error).toMatchObject({ file: 'requirements.txt', line: 3 })
    expect(error.message).toContain("'six==99.0.0'")
    expect(error.fix).toContain('six==1.17.0')
  })

  it('uses the line pip reports for an unparsable requirement', () => {
    const output = "ERROR: Invalid requirement: 'six=>1' (from line 3 of /repo/requirements.txt)"
    expect(explainPipFailure(output, files, 1)).toMatchObject({ file: 'requirements.txt', line: 3 })
  })

  it('explains a resolution conflict with its causes', () => {
    const output = [
      'ERROR: Cannot install packaging==24.2 and six==99.0.0 because these package versions have conflicting dependencies.',
      '',
      'The conflict is caused by:',
      '    The user requested six==99.0.0',
      '    foo 1.0 depends on six<2',
      '',
    ].join('\n')
    const error = explainPipFailure(output, files, 1)
    expect(error.message).toContain('The user requested six==99.0.0; foo 1.0 depends on six<2')
  })

  it('falls back to the last pip error line', () => {
    expect(explainPipFailure('ERROR: something odd\n', files, 2).message).toContain('something odd')
  })
})
