import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { readKeyValueFile, readPathFile } from '../../scripts/local-runner/runner-files.js'
import { parseWorkflowCommands } from '../../scripts/local-runner/workflow-commands.js'

describe('parseWorkflowCommands', () => {
  it('reads annotations with their properties, unescaping data and properties', () => {
    const log = [
      'plain log line',
      '::error file=requirements.txt,line=3,endLine=4,title=pip-check-conflict::six 1.17.0%0Ais installed: 100%25',
      '::warning::no file',
      '::notice title=a%3Ab%2Cc::n',
      '::add-mask::s3cret',
      '::group::Install',
    ].join('\n')
    const parsed = parseWorkflowCommands(log)
    expect(parsed.annotations).toEqual([
      {
        level: 'error',
        message: 'six 1.17.0\nis installed: 100%',
        file: 'requirements.txt',
        line: 3,
        endLine: 4,
        title: 'pip-check-conflict',
      },
      { level: 'warning', message: 'no file' },
      { level: 'notice', message: 'n', title: 'a:b,c' },
    ])
    expect(parsed.masks).toEqual(['s3cret'])
  })
})

describe('runner files', () => {
  it('reads GITHUB_OUTPUT heredocs and plain lines, and GITHUB_PATH', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-runner-files-'))
    const output = path.join(dir, 'output')
    fs.writeFileSync(
      output,
      'plain=1\nfindings<<ghadelimiter_x\n[\n{"a":1}\n]\nghadelimiter_x\nempty<<EOF\n\nEOF\n',
    )
    expect(readKeyValueFile(output)).toEqual({ plain: '1', findings: '[\n{"a":1}\n]', empty: '' })
    fs.writeFileSync(path.join(dir, 'path'), '/a/bin\n/b/bin\n')
    expect(readPathFile(path.join(dir, 'path'))).toEqual(['/a/bin', '/b/bin'])
    expect(readKeyValueFile(path.join(dir, 'missing'))).toEqual({})
  })
})
