import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

// e2e.yml is the only place the action runs on macOS and Windows: a new example folder that
// is not in its matrix would never run there.
const root = path.resolve(import.meta.dirname, '../../..')

interface Job {
  'runs-on'?: string
  needs?: string[] | string
  if?: string
  strategy?: { matrix?: Record<string, unknown> }
  steps?: { uses?: string; with?: Record<string, string> }[]
}
const workflow = parse(fs.readFileSync(path.join(root, '.github/workflows/e2e.yml'), 'utf8')) as {
  jobs: Record<string, Job>
}
const exampleJob = workflow.jobs.example
/** A GitHub expression as written in the workflow, e.g. expression('matrix.os'). */
const expression = (inner: string) => `$${'{{'} ${inner} }}`
// examples/monorepo is not one project: the discover and monorepo jobs run it (the README recipe)
const examples = fs
  .readdirSync(path.join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['broken', 'drift', 'monorepo'].includes(entry.name))
  .map((entry) => entry.name)

describe('.github/workflows/e2e.yml', () => {
  it('runs every example folder (but broken/, drift/ and monorepo/)', () => {
    const matrix = exampleJob?.strategy?.matrix?.example as string[] | undefined
    expect([...(matrix ?? [])].sort()).toEqual([...examples].sort())
  })

  it('runs them on Linux, macOS and Windows', () => {
    expect(exampleJob?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    expect(exampleJob?.['runs-on']).toBe(expression('matrix.os'))
  })

  it('runs the local action on the example folder', () => {
    const step = exampleJob?.steps?.find((s) => s.uses === './')
    expect(step?.with?.['working-directory']).toBe(`examples/${expression('matrix.example')}`)
  })

  it('has a gate job that needs every other job and always runs', () => {
    const gate = Object.entries(workflow.jobs).find(([name]) => name.endsWith('gate'))
    expect(gate).toBeDefined()
    const [gateName, gateJob] = gate as [string, Job]
    const others = Object.keys(workflow.jobs).filter((name) => name !== gateName)
    expect([...(gateJob.needs ?? [])].sort()).toEqual(others.sort())
    expect(gateJob.if).toBe('always()')
  })

  it('runs examples/monorepo as the README recipe: discover, then a matrix of its projects', () => {
    const discover = workflow.jobs.discover
    const step = discover?.steps?.find((s) => s.uses === './')
    expect(step?.with).toEqual({ mode: 'discover', 'discover-paths': 'examples/monorepo' })
    const matrixJob = workflow.jobs.monorepo
    expect(matrixJob?.needs).toBe('discover')
    expect(matrixJob?.if).toBe("needs.discover.outputs.count != '0'")
    expect(matrixJob?.strategy?.matrix as unknown).toBe(expression('fromJSON(needs.discover.outputs.matrix)'))
    const setup = matrixJob?.steps?.find((s) => s.uses === './')
    expect(setup?.with?.['working-directory']).toBe(expression('matrix.working-directory'))
  })
})
